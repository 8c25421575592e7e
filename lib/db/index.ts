import { AppDB } from './app-db';

let instance: AppDB | undefined;

/** The extension's database (service worker and extension pages share the extension origin). */
export function getDb(): AppDB {
  instance ??= new AppDB();
  return instance;
}

export { AppDB };
