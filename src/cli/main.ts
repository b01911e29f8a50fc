import { Command } from 'commander';
import { PACKAGE_VERSION } from '../server/paths.ts';
import { registerAreasImport } from './areas-import.ts';
import { registerDemo } from './demo.ts';
import { registerExport, registerImport } from './import.ts';
import { registerImportsPrune } from './imports-prune.ts';
import { registerMigrate } from './migrate.ts';
import { registerServe } from './serve.ts';
import { registerUsers } from './users.ts';
import { registerValues } from './values.ts';

const program = new Command('kembar')
  .description('Kembar: twinning programmes in sanitation and public health for Indonesian regions')
  .version(PACKAGE_VERSION);

registerServe(program);
registerMigrate(program);
registerAreasImport(program);
registerUsers(program);
registerDemo(program);
registerValues(program);
registerImport(program);
registerExport(program);
registerImportsPrune(program);

await program.parseAsync(process.argv);
