import type { Kysely } from 'kysely';
import { descendantRange } from '../../common/area-code.ts';
import type { Schema } from '../db/schema.ts';

export interface TemplateVillage {
  code: string;
  name: string;
  districtName: string | null;
}

/** The current villages (desa/kelurahan) of an area, in code order, with their kecamatan's name; the area itself when it is a village. */
export async function listVillagesOf(db: Kysely<Schema>, areaCode: string): Promise<TemplateVillage[]> {
  const { low, high } = descendantRange(areaCode);
  const rows = await db
    .selectFrom('area as v')
    .leftJoin('area as d', 'd.code', 'v.parent_code')
    .select(['v.code', 'v.name', 'd.name as district_name'])
    .where('v.level', '=', 4)
    .where('v.retired_at', 'is', null)
    .where((eb) => eb.or([eb('v.code', '=', areaCode), eb.and([eb('v.code', '>=', low), eb('v.code', '<', high)])]))
    .orderBy('v.code')
    .execute();
  return rows.map((row) => ({ code: row.code, name: row.name, districtName: row.district_name }));
}

/** The name of an area, or undefined when the code is unknown. */
export async function areaName(db: Kysely<Schema>, code: string): Promise<string | undefined> {
  const row = await db.selectFrom('area').select('name').where('code', '=', code).executeTakeFirst();
  return row?.name;
}
