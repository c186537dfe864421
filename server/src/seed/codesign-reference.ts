import { EntityManager } from 'typeorm';

/** Seed 004, "Il servizio destina i propri interventi a supporto di": the target groups of the co-design. */
export const TARGET_GROUPS = [
  { code: 'YOUNG_NOT_IN_WORK', name: 'Giovani inoccupati' },
  { code: 'MIGRANT_WORKERS', name: 'Lavoratori migranti' },
  { code: 'SINGLE_PARENTS', name: 'Adulti che vivono da soli con figli a carico (conciliazione vita/lavoro)' },
  { code: 'ADULTS_OVER_50', name: 'Adulti over 50' },
  { code: 'LONG_TERM_UNEMPLOYED', name: 'Disoccupati di lungo periodo' },
  { code: 'DISABILITY_L68_99', name: 'Soggetti con la certificazione di invalidità (L. 68/99)' },
  { code: 'SOCIAL_HARDSHIP', name: 'Cittadini con situazioni di disagio o di svantaggio sociale, inseriti in progettualità specifiche' },
  { code: 'RDC_WORK_POVERTY', name: 'Beneficiari del Reddito di Cittadinanza la cui condizione di povertà è connessa alla situazione lavorativa' },
  { code: 'HIRING_COMPANIES', name: 'Imprese che devono ottemperare agli obblighi di collocamento obbligatorio o disponibili a collocare persone fragili' },
];

/** Seed 004: the Ambito del Rhodense, whose lead municipality is Rho, and its nine municipalities. */
export const AMBITO_RHODENSE = {
  code: 'AMBITO_RHODENSE',
  name: 'Ambito territoriale del Rhodense',
  istatCode: '015182',
  municipalities: ['015009', '015087', '015116', '015154', '015170', '015176', '015182', '015211', '015229'],
};

/** Idempotent, like the rest of the reference data: an administrator's later edits survive restarts. */
export async function loadCodesignReference(tx: EntityManager): Promise<void> {
  await tx.query(
    `INSERT INTO target_groups (code, name) SELECT code, name FROM jsonb_to_recordset($1::jsonb) AS x(code text, name text) ON CONFLICT DO NOTHING`,
    [JSON.stringify(TARGET_GROUPS)],
  );
  const { code, name, istatCode, municipalities } = AMBITO_RHODENSE;
  const inserted = await tx.query(
    `INSERT INTO tenants (code, name, kind, istat_code) VALUES ($1, $2, 'AMBITO', $3) ON CONFLICT (code) DO NOTHING RETURNING id`,
    [code, name, istatCode],
  );
  // Only when the tenant is new: an administrator may have changed the ambito's municipalities since.
  if (inserted.length) {
    await tx.query(
      `INSERT INTO ambito_municipalities (ambito_id, municipality_id) SELECT $1, id FROM municipalities WHERE istat_code = ANY($2::text[])`,
      [inserted[0].id, municipalities],
    );
  }
}
