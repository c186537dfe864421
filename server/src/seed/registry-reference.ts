/** Reference data taken from DOMAIN.md and the seeds it cites (shared/seeds 000–004). */

export const PARTNER_TYPES = [
  { code: 'PROVINCE', name: 'Provincia / Città metropolitana' },
  { code: 'CPI', name: "Centro per l'Impiego (CPI)" },
  { code: 'LABOUR_OPERATOR', name: 'Operatore accreditato ai servizi al lavoro' },
  { code: 'TRAINING_OPERATOR', name: 'Operatore accreditato alla formazione' },
  { code: 'LOCAL_AUTHORITY', name: 'Ente locale' },
  { code: 'COMPANY', name: 'Impresa' },
  { code: 'EMPLOYER_ORGANISATION', name: 'Associazione di categoria' },
  { code: 'TRADE_UNION', name: 'Parte sociale (organizzazione sindacale)' },
  { code: 'INTERPROFESSIONAL_FUND', name: 'Fondo interprofessionale' },
  { code: 'JOINT_BODY', name: 'Ente bilaterale' },
  { code: 'INDUSTRIAL_DISTRICT', name: 'Distretto o metadistretto industriale (L. 317/91)' },
  { code: 'RETAIL_DISTRICT', name: 'Distretto commerciale' },
  { code: 'CHAMBER_OF_COMMERCE', name: 'Camera di Commercio' },
  { code: 'ITS_FOUNDATION', name: 'Fondazione ITS' },
  { code: 'OUTPLACEMENT', name: 'Società o consulente di outplacement' },
  { code: 'THIRD_SECTOR', name: 'Organizzazione del terzo settore' },
  { code: 'EMPLOYMENT_AGENCY', name: 'Operatore autorizzato nazionale o agenzia per il lavoro (APL)' },
  { code: 'EDUCATION', name: 'Istituzione scolastica, formativa o universitaria' },
  { code: 'OTHER', name: 'Altro soggetto' },
];

export const PROVINCES = [
  { istat_code: '012', historic_istat_code: null, name: 'Varese', plate: 'VA', kind: 'PROVINCE' },
  { istat_code: '013', historic_istat_code: null, name: 'Como', plate: 'CO', kind: 'PROVINCE' },
  { istat_code: '014', historic_istat_code: null, name: 'Sondrio', plate: 'SO', kind: 'PROVINCE' },
  { istat_code: '016', historic_istat_code: null, name: 'Bergamo', plate: 'BG', kind: 'PROVINCE' },
  { istat_code: '017', historic_istat_code: null, name: 'Brescia', plate: 'BS', kind: 'PROVINCE' },
  { istat_code: '018', historic_istat_code: null, name: 'Pavia', plate: 'PV', kind: 'PROVINCE' },
  { istat_code: '019', historic_istat_code: null, name: 'Cremona', plate: 'CR', kind: 'PROVINCE' },
  { istat_code: '020', historic_istat_code: null, name: 'Mantova', plate: 'MN', kind: 'PROVINCE' },
  { istat_code: '097', historic_istat_code: null, name: 'Lecco', plate: 'LC', kind: 'PROVINCE' },
  { istat_code: '098', historic_istat_code: null, name: 'Lodi', plate: 'LO', kind: 'PROVINCE' },
  { istat_code: '108', historic_istat_code: null, name: 'Monza e della Brianza', plate: 'MB', kind: 'PROVINCE' },
  { istat_code: '215', historic_istat_code: '015', name: 'Città metropolitana di Milano', plate: 'MI', kind: 'METROPOLITAN_CITY' },
];

export const FUND_SOURCES = [
  {
    code: 'AZIONI_RETE',
    name: 'Azioni di rete per il lavoro',
    programme: 'POR FSE 2014–2020, Asse I occupazione',
    budget: '5000000.00',
    available_from: null,
    available_to: null,
    measure_codes: ['AZIONI_RETE_LAVORO', 'AZIONI_RETE_FASE_II'],
    drawn_after_code: null,
    reduced_hours_only: false,
  },
  {
    code: 'GOL_PNRR_2022',
    name: 'Programma GOL, riparto PNRR, risorse 2022',
    programme: 'PNRR – Programma GOL, Percorso 5 (utilizzabili per tutto il 2023)',
    budget: '4381148.00',
    available_from: '2022-01-01',
    available_to: '2023-12-31',
    measure_codes: ['RETE_RICOLLOCAZIONE_GOL_P5'],
    drawn_after_code: null,
    reduced_hours_only: false,
  },
  {
    code: 'FONDO_COMPETENZE_2022',
    name: 'Fondo per il potenziamento delle competenze e la riqualificazione professionale',
    programme: 'Riparto del Fondo nazionale 2022 (utilizzabili per tutto il 2023)',
    budget: '6520000.00',
    available_from: '2022-01-01',
    available_to: '2023-12-31',
    // Seed 003: for workers whose hours were cut by more than 30 %, after the GOL PNRR resources ("in prima istanza").
    measure_codes: ['RETE_RICOLLOCAZIONE_GOL_P5'],
    drawn_after_code: 'GOL_PNRR_2022',
    reduced_hours_only: true,
  },
];

/** LEAD_TYPE asks for an operator accredited for labour services; lead_partner_type_codes lists the types allowed besides. */
const NETWORK_RULES = ['MIN_PARTNERS', 'ONE_LEAD', 'LEAD_TYPE', 'FUND_BUDGET'];
/** Seed 003: GOL PNRR first, the competence fund for hours cut over 30 %; every fund pays only its measures. */
const FUND_RULES = ['FUND_MEASURES', 'FUND_ORDER', 'FUND_RECIPIENTS'];
/** Seed 000: each worker's plan (PIP), its hour caps, one phase-2 alternative, training only for Assegno di Ricollocazione holders. */
const PLAN_RULES = ['PLAN_SERVICES', 'PHASE2_CHOICE', 'SERVICE_HOURS', 'RELOCATION_TRAINING_ONLY'];
/** Seed 000: the unemployed come from subordinate employment and live in Lombardy; nobody is also in Dote Unica Lavoro or Garanzia Giovani. */
const FASE_II_RECIPIENT_RULES = ['SUBORDINATE_PREVIOUS_CONTRACT', 'RESIDENCE_IN_LOMBARDY', 'EXCLUSIVE_POLICY_OUTSIDE'];

export const MEASURES = [
  {
    code: 'AZIONI_RETE_FASE_II',
    name: 'Avviso Reti per il lavoro – Fase II',
    legal_act: 'Decreto regionale n. 1036 del 2/02/2021',
    open_from: '2021-02-19',
    open_to: '2021-12-31',
    rules: [...NETWORK_RULES, 'DURATION', 'MAX_COMPANIES', 'RECIPIENTS_RANGE', 'TIER_CAP', 'PER_RECIPIENT_CAPS', 'RESULT_BAND_AMOUNTS', 'EXCLUSIVE_POLICY', 'RECIPIENT_ELIGIBILITY', ...PLAN_RULES, 'APPLICATION_WINDOW', 'FUND_MEASURES', ...FASE_II_RECIPIENT_RULES],
    min_partners: 3,
    lead_partner_type_codes: [],
    required_partner_type_codes: [],
    min_companies: 1,
    max_companies: 3,
    eligible_recipient_kinds: [],
    suspended_need_redundancies: true,
    min_recipients: 10,
    max_recipients: 100,
    max_duration_months: 12,
    process_cap_per_recipient: '2000.00',
    placement_cap_per_recipient: '1835.00',
    self_employment_cap_per_recipient: '3860.00',
    min_guidance_services: 1,
    min_intensive_services: 1,
    max_phase2_alternatives: 1,
    conditional_result_share: '0.30',
  },
  {
    // Seed 002 (DGR X/6686) states the partnership, lead, companies, recipients, duration and per-recipient caps for this measure too.
    code: 'AZIONI_RETE_LAVORO',
    name: 'Azioni di rete per il lavoro',
    legal_act: 'DGR n. X/6686 del 9/06/2017 e n. XI/677 del 24/10/2018',
    open_from: null,
    open_to: null,
    rules: [...NETWORK_RULES, 'DURATION', 'MAX_COMPANIES', 'RECIPIENTS_RANGE', 'PER_RECIPIENT_CAPS', 'RESULT_BAND_AMOUNTS', 'RECIPIENT_ELIGIBILITY', 'PLAN_OF_ACCOUNTS', 'PROJECT_SHEET', 'FUND_MEASURES', 'RESIDENCE_IN_LOMBARDY'],
    min_partners: 3,
    lead_partner_type_codes: [],
    required_partner_type_codes: [],
    min_companies: 1,
    max_companies: 3,
    eligible_recipient_kinds: [],
    suspended_need_redundancies: true,
    min_recipients: 10,
    max_recipients: null,
    max_duration_months: 12,
    process_cap_per_recipient: '2000.00',
    placement_cap_per_recipient: '1835.00',
    self_employment_cap_per_recipient: '3860.00',
  },
  {
    code: 'RETE_RICOLLOCAZIONE_GOL_P5',
    name: 'Reti per la ricollocazione e riqualificazione collettiva (GOL Percorso 5)',
    legal_act: 'Allegato 1 – Linee guida per la costituzione di reti per la ricollocazione e riqualificazione collettiva',
    open_from: null,
    open_to: null,
    // Seed 003 sets no project duration; recipients are suspended workers only.
    rules: [...NETWORK_RULES, 'PROVINCE_AND_CPI', 'EXCLUSIVE_POLICY', 'RECIPIENT_ELIGIBILITY', ...FUND_RULES, 'CPI_COMPETENCE', 'EXCLUSIVE_POLICY_OUTSIDE'],
    min_partners: 3,
    lead_partner_type_codes: ['CPI'],
    required_partner_type_codes: ['PROVINCE', 'CPI'],
    min_companies: null,
    max_companies: null,
    eligible_recipient_kinds: ['SUSPENDED'],
    suspended_need_redundancies: false,
    min_recipients: null,
    max_recipients: null,
    max_duration_months: null,
    process_cap_per_recipient: null,
    placement_cap_per_recipient: null,
    self_employment_cap_per_recipient: null,
  },
  {
    code: 'COPROGETTAZIONE_ART55',
    name: "Coprogettazione per l'integrazione lavorativa di soggetti fragili (Ambito del Rhodense)",
    legal_act: 'Art. 55 D.Lgs. 117/2017 e L. 241/1990',
    open_from: null,
    open_to: null,
    rules: ['ONE_LEAD', 'FUND_BUDGET', 'RESIDENCE_IN_AMBITO'],
    min_partners: null,
    lead_partner_type_codes: [],
    required_partner_type_codes: [],
    min_companies: null,
    max_companies: null,
    eligible_recipient_kinds: [],
    suspended_need_redundancies: false,
    min_recipients: null,
    max_recipients: null,
    max_duration_months: null,
    process_cap_per_recipient: null,
    placement_cap_per_recipient: null,
    self_employment_cap_per_recipient: null,
  },
];

export const FUNDING_TIERS = [
  { measure_code: 'AZIONI_RETE_FASE_II', min_recipients: 10, max_recipients: 20, max_contribution: '70000.00' },
  { measure_code: 'AZIONI_RETE_FASE_II', min_recipients: 21, max_recipients: 30, max_contribution: '110000.00' },
  { measure_code: 'AZIONI_RETE_FASE_II', min_recipients: 31, max_recipients: 50, max_contribution: '180000.00' },
  { measure_code: 'AZIONI_RETE_FASE_II', min_recipients: 51, max_recipients: 100, max_contribution: '250000.00' },
];

const faseII = (code: string, name: string, phase: number, category: string, payment: string, hours: { max?: number; min?: number } = {}, voucher_value: string | null = null) => ({
  measure_code: 'AZIONI_RETE_FASE_II', code, name, phase, category, payment,
  max_hours: hours.max ?? null, min_hours: hours.min ?? null, voucher_value,
  training: ['FORMAZIONE', 'FORMAZIONE_SPECIALIZZATA_VOUCHER'].includes(code),
  result_kind: ({ INSERIMENTO_LAVORO: 'PLACEMENT', TIROCINIO: 'PLACEMENT', AVVIO_IMPRESA: 'SELF_EMPLOYMENT' } as Record<string, string>)[code] ?? null,
});

/** Seed 000: the Fase II service catalogue with its hour caps. */
export const SERVICE_TYPES = [
  faseII('PRESA_IN_CARICO', 'Presa in carico', 1, 'ACCESS', 'PROCESS', { max: 1 }),
  faseII('DEFINIZIONE_PERCORSO', 'Definizione del percorso', 1, 'ACCESS', 'PROCESS', { max: 1 }),
  faseII('COLLOQUIO_SPECIALISTICO', 'Colloquio specialistico', 1, 'GUIDANCE_TRAINING', 'PROCESS', { max: 1 }),
  faseII('BILANCIO_COMPETENZE', "Bilancio delle competenze / Analisi delle propensioni e delle attitudini all'imprenditorialità", 1, 'GUIDANCE_TRAINING', 'PROCESS', { max: 6 }),
  faseII('RICERCA_ATTIVA_INDIVIDUALE', 'Orientamento e formazione alla ricerca attiva del lavoro (individuale)', 1, 'GUIDANCE_TRAINING', 'PROCESS', { max: 6 }),
  faseII('RETE_DI_SOSTEGNO', 'Creazione rete di sostegno', 1, 'GUIDANCE_TRAINING', 'PROCESS', { max: 6 }),
  faseII('COACHING', 'Coaching', 1, 'GUIDANCE_TRAINING', 'PROCESS', { max: 10 }),
  faseII('FORMAZIONE', 'Formazione (orientamento di gruppo e formazione)', 1, 'GUIDANCE_TRAINING', 'PROCESS', { max: 150 }),
  faseII('RICERCA_ATTIVA_GRUPPO', 'Orientamento e formazione alla ricerca attiva del lavoro (di gruppo)', 1, 'GUIDANCE_TRAINING', 'PROCESS', { max: 6 }),
  faseII('FORMAZIONE_SPECIALIZZATA_VOUCHER', 'Formazione specializzata a voucher', 1, 'VOUCHER_TRAINING', 'VOUCHER', { min: 40 }, '2000.00'),
  faseII('INSERIMENTO_LAVORO', 'Inserimento e avvio al lavoro', 2, 'INTENSIVE_ASSISTANCE', 'RESULT'),
  faseII('TIROCINIO', 'Promozione e accompagnamento al tirocinio', 2, 'INTENSIVE_ASSISTANCE', 'RESULT'),
  faseII('AVVIO_IMPRESA', "Accompagnamento all'avvio di impresa (a processo, condizionato al risultato per il 30%)", 2, 'INTENSIVE_ASSISTANCE', 'PROCESS_CONDITIONAL_ON_RESULT'),
  // Seed 002 (DGR X/6686): process services up to € 2.000 per recipient, and the two results by aid band.
  ...[
    ['SERVIZI_A_PROCESSO', 'Servizi a processo (orientamento, accompagnamento al lavoro, consolidamento delle competenze)', 1, 'GUIDANCE_TRAINING', 'PROCESS', null],
    ['INSERIMENTO_LAVORO', 'Servizio di inserimento e avvio al lavoro', 2, 'INTENSIVE_ASSISTANCE', 'RESULT', 'PLACEMENT'],
    ['AUTOIMPRENDITORIALITA', 'Servizio di autoimprenditorialità', 2, 'INTENSIVE_ASSISTANCE', 'RESULT', 'SELF_EMPLOYMENT'],
  ].map(([code, name, phase, category, payment, result_kind]) => ({
    measure_code: 'AZIONI_RETE_LAVORO', code, name, phase, category, payment, max_hours: null, min_hours: null, voucher_value: null, training: false, result_kind,
  })),
  // Seed 003: "gli occupati sospesi destinatari della misura … possano usufruire dei servizi previsti dal
  // Percorso 3 di GOL" (riqualificazione), group delivery preferred; the seed names the path, not its
  // services or caps, so these are the Percorso 3 services of the GOL programme without hour caps.
  ...[
    ['ASSESSMENT', 'Accoglienza, assessment e presa in carico', 1, 'ACCESS', 'PROCESS', false, null],
    ['ORIENTAMENTO_SPECIALISTICO', 'Orientamento specialistico', 1, 'GUIDANCE_TRAINING', 'PROCESS', false, null],
    ['FORMAZIONE_RESKILLING', 'Formazione per la riqualificazione (reskilling)', 1, 'GUIDANCE_TRAINING', 'PROCESS', true, null],
    ['ACCOMPAGNAMENTO_LAVORO', 'Accompagnamento al lavoro', 2, 'INTENSIVE_ASSISTANCE', 'PROCESS', false, null],
    ['INSERIMENTO_LAVORO', 'Incontro domanda e offerta e inserimento lavorativo', 2, 'INTENSIVE_ASSISTANCE', 'RESULT', false, 'PLACEMENT'],
  ].map(([code, name, phase, category, payment, training, result_kind]) => ({
    measure_code: 'RETE_RICOLLOCAZIONE_GOL_P5', code, name, phase, category, payment, max_hours: null, min_hours: null, voucher_value: null, training, result_kind,
  })),
];
