import { formatItalianDate } from '../../common/dates';
import { RuleCode } from '../measure/measure.entity';
import type { RuleViolation } from '../network/network.rules';

type Sheet = {
  applicationDate: string | null;
  companyContext: string | null;
  recipientsProfile: string | null;
  specificObjectives: string | null;
  partnership: string | null;
  organisation: string | null;
  timeline: string | null;
  expectedResults: string | null;
  expectedPlacements: number | null;
};

/** Seed 002's contents, in its order, with their Italian and English names. */
const SECTIONS: [keyof Sheet, string, string][] = [
  ['applicationDate', 'data di presentazione', 'application date'],
  ['companyContext', "contesto dell'azienda", 'company context'],
  ['recipientsProfile', 'caratteristiche dei destinatari', "recipients' characteristics"],
  ['specificObjectives', 'obiettivi specifici', 'specific objectives'],
  ['partnership', 'partenariato', 'partnership'],
  ['organisation', 'assetto organizzativo', 'organisation'],
  ['timeline', 'arco temporale', 'timeline'],
  ['expectedResults', 'risultati attesi', 'expected results'],
  ['expectedPlacements', 'inserimenti lavorativi attesi', 'expected placements'],
];


/** PROJECT_SHEET (every content filled in) and APPLICATION_WINDOW (the application date within the call's window). */
export function projectSheetViolations(sheet: Sheet | undefined, measure: { rules: RuleCode[]; openFrom: string | null; openTo: string | null }): RuleViolation[] {
  const out: RuleViolation[] = [];
  if (measure.rules.includes(RuleCode.PROJECT_SHEET)) {
    const missing = SECTIONS.filter(([key]) => sheet?.[key] === null || sheet?.[key] === undefined || String(sheet[key]).trim() === '');
    if (missing.length) {
      out.push({
        rule: RuleCode.PROJECT_SHEET,
        message: `La scheda progetto è incompleta: mancano ${missing.map(([, it]) => it).join(', ')}.`,
        messageEn: `The project sheet is incomplete: ${missing.map(([, , en]) => en).join(', ')} missing.`,
        ids: [], field: 'projectSheet', from: null,
      });
    }
  }
  const date = sheet?.applicationDate;
  const { openFrom, openTo } = measure;
  if (measure.rules.includes(RuleCode.APPLICATION_WINDOW) && date && ((openFrom && date < openFrom) || (openTo && date > openTo))) {
    const window = `${openFrom ? `dal ${formatItalianDate(openFrom)} ` : ''}${openTo ? `al ${formatItalianDate(openTo)}` : ''}`.trim();
    out.push({
      rule: RuleCode.APPLICATION_WINDOW,
      message: `La domanda del ${formatItalianDate(date)} è fuori dalla finestra dell'avviso (${window}).`,
      messageEn: `The application of ${formatItalianDate(date)} falls outside the call's window (${openFrom ? formatItalianDate(openFrom) : '…'} – ${openTo ? formatItalianDate(openTo) : '…'}).`,
      ids: [], field: 'projectSheet', from: null,
    });
  }
  return out;
}
