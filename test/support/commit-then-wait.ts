// Child process for the durability test: commits one change through the real database layer,
// says so, then waits to be killed. Usage: node --import tsx commit-then-wait.ts <dataDir> <new name>
import { connect } from '../../src/server/db/connect.ts';

const [dataDir, newName] = process.argv.slice(2);
if (!dataDir || !newName) throw new Error('usage: commit-then-wait.ts <dataDir> <new name>');
const database = await connect({ engine: 'pglite', dataDir });
await database.db.transaction().execute((trx) => trx.updateTable('area').set({ name: newName }).where('code', '=', '52.07.08').execute());
process.stdout.write('committed\n');
setInterval(() => undefined, 1_000);
