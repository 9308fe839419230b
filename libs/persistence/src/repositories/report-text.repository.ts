import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { execute } from '../sql/typed-query';

/**
 * Report texts, each stored once under its sha256. The API stores a draft's text here before it asks
 * the workflow to save it, so the words never enter workflow history; the workflow's event names
 * the text by its hash, and the read model copies it into the saved version.
 */
export class ReportTextRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores the text (a repeat of a stored text costs nothing) and returns its hash. */
  async store(body: string): Promise<string> {
    const hash = createHash('sha256').update(body, 'utf8').digest('hex');
    await execute(this.dataSource, `INSERT INTO report_texts (hash, body) VALUES ($1, $2) ON CONFLICT (hash) DO NOTHING`, [hash, body]);
    return hash;
  }
}
