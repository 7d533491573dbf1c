import { MESSAGING_MIGRATIONS } from '@jiebang/messaging';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import type { CommonConfig } from '../config/common-config';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface ServiceDatabase {
  entities: Function[];
  migrations: Function[];
}

/**
 * One database per service; schema only through migrations (synchronize is off everywhere), run at start-up
 * (under a lock, see migrate-locked.ts) and by `npm run migrate`. The messaging tables come with every service.
 */
export function dataSourceOptions(config: CommonConfig, db: ServiceDatabase): PostgresDataSourceOptions {
  return {
    type: 'postgres',
    host: config.PGHOST,
    port: config.PGPORT,
    username: config.PGUSER,
    password: config.PGPASSWORD,
    database: config.PGDATABASE,
    entities: db.entities,
    migrations: [...MESSAGING_MIGRATIONS, ...db.migrations],
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    extra: { max: 10, statement_timeout: 15_000 },
  };
}
