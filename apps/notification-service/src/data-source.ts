import 'reflect-metadata';
import { dataSourceOptions } from '@jiebang/service-kit';
import { DataSource } from 'typeorm';
import { loadConfig } from './config';
import { database } from './database';

/** For the TypeORM CLI: `typeorm migration:run -d apps/notification-service/dist/data-source.js` (what `npm run migrate` does). */
const config = loadConfig();
export default new DataSource(dataSourceOptions(config, database(config)));
