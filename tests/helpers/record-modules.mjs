// Loaded with `node --import`: appends the URL of every module the process loads to the file named
// by GONGKAI_MODULE_LOG, so a test can see which bundle chunks (and so which sources) a command loaded.
import { register } from 'node:module';

const hooks = `
import { appendFileSync } from 'node:fs';
const log = ${JSON.stringify(process.env.GONGKAI_MODULE_LOG ?? '')};
export async function load(url, context, next) {
  if (log) appendFileSync(log, url + '\\n');
  return next(url, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
