import type { IHeaders } from 'kafkajs';
import type { DataSource } from 'typeorm';
import type { DeadLetter, DeadLetterParking, DeadLetterProducer } from './dead-letter';

type StoredHeader = [name: string, base64: string];

function toStored(headers: IHeaders): StoredHeader[] {
  return Object.entries(headers).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value])
      .filter((v): v is Buffer | string => v !== undefined)
      .map((v): StoredHeader => [name, Buffer.from(v).toString('base64')]),
  );
}

function fromStored(stored: StoredHeader[]): IHeaders {
  const headers: Record<string, Buffer[]> = {};
  for (const [name, base64] of stored) (headers[name] ??= []).push(Buffer.from(base64, 'base64'));
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.length === 1 ? v[0] : v]));
}

/** Dead letters the DLQ topic could not take, kept byte for byte in the service's database until it can. */
export class ParkedDeadLetters implements DeadLetterParking {
  constructor(private readonly dataSource: DataSource) {}

  async park(letter: DeadLetter): Promise<void> {
    await this.dataSource.query(`INSERT INTO parked_dead_letters (topic, key, value, headers) VALUES ($1, $2, $3, $4)`, [
      letter.topic,
      letter.key,
      letter.value,
      JSON.stringify(toStored(letter.headers)),
    ]);
  }

  /** Moves parked letters to their DLQ topics, oldest first; each row is deleted only after the broker acked it. */
  async flush(producer: DeadLetterProducer, limit = 100): Promise<number> {
    const rows: { id: string; topic: string; key: Buffer | null; value: Buffer | null; headers: StoredHeader[] }[] =
      await this.dataSource.query(`SELECT id, topic, key, value, headers FROM parked_dead_letters ORDER BY id LIMIT $1`, [limit]);
    for (const row of rows) {
      await producer.send({
        topic: row.topic,
        messages: [{ key: row.key, value: row.value, headers: fromStored(row.headers) }],
        acks: -1,
      });
      await this.dataSource.query(`DELETE FROM parked_dead_letters WHERE id = $1`, [row.id]);
    }
    return rows.length;
  }
}
