import { ENUM_LABELS } from '../../common/labels';
import type { RuleFinding } from '../network/rule-registry';
import { OutsidePolicy, PreviousContract, RecipientKind } from './recipient.entity';

/** What an enrolment declares of the recipient, as these rules read it. */
export interface DeclaredEnrolment {
  id: string;
  kind: RecipientKind;
  previousContract: PreviousContract | null;
  residenceMunicipalityId: string | null;
  outsidePolicies: OutsidePolicy[];
}

const finding = (message: string, messageEn: string, ids: string[]): RuleFinding => ({ field: 'recipientEnrolments', message, messageEn, ids, from: null });
const unemployed = (enrolments: DeclaredEnrolment[]) => enrolments.filter((e) => e.kind === RecipientKind.UNEMPLOYED);

/** "1 destinatario disoccupato non indica", "3 destinatari disoccupati non indicano": the count with its noun and verb agreed. */
function counted(n: number, it: [one: string, many: string], en: [one: string, many: string]) {
  return { it: n === 1 ? `1 ${it[0]}` : `${n} ${it[1]}`, en: n === 1 ? `1 ${en[0]}` : `${n} ${en[1]}` };
}

/**
 * Seed 000: Fase II admits the unemployed "cessati da rapporto di lavoro di tipo subordinato". A
 * declared other contract breaks it; so does none, since admission needs the requirement shown.
 */
export function subordinatePreviousContract(enrolments: DeclaredEnrolment[]): RuleFinding[] {
  const other = unemployed(enrolments).filter((e) => e.previousContract === PreviousContract.OTHER);
  const missing = unemployed(enrolments).filter((e) => e.previousContract === null);
  const why = {
    it: "l'avviso ammette solo disoccupati cessati da un rapporto di lavoro di tipo subordinato",
    en: 'the call admits only unemployed people whose subordinate employment ended',
  };
  const out: RuleFinding[] = [];
  if (other.length) {
    const n = counted(other.length, ['destinatario disoccupato non proviene', 'destinatari disoccupati non provengono'], ['unemployed recipient does not come', 'unemployed recipients do not come']);
    out.push(finding(`${n.it} da un rapporto di lavoro subordinato: ${why.it}.`, `${n.en} from subordinate employment: ${why.en}.`, other.map((e) => e.id)));
  }
  if (missing.length) {
    const n = counted(missing.length, ['destinatario disoccupato non indica', 'destinatari disoccupati non indicano'], ['unemployed recipient has', 'unemployed recipients have']);
    out.push(finding(`${n.it} il rapporto di lavoro di provenienza: ${why.it}.`, `${n.en} no previous employment recorded: ${why.en}.`, missing.map((e) => e.id)));
  }
  return out;
}

/**
 * Seeds 000 and 002: the unemployed are "residenti o domiciliati in Regione Lombardia". The
 * municipalities the registry knows are Lombardy's, so a recorded one satisfies it; none does not.
 */
export function residenceInLombardy(enrolments: DeclaredEnrolment[]): RuleFinding[] {
  const missing = unemployed(enrolments).filter((e) => e.residenceMunicipalityId === null);
  if (!missing.length) return [];
  const n = counted(missing.length, ['destinatario disoccupato non indica', 'destinatari disoccupati non indicano'], ['unemployed recipient has', 'unemployed recipients have']);
  return [
    finding(
      `${n.it} il comune di residenza o di domicilio: l'avviso ammette solo disoccupati residenti o domiciliati in Regione Lombardia.`,
      `${n.en} no municipality of residence or domicile recorded: the call admits only unemployed people resident or domiciled in Lombardy.`,
      missing.map((e) => e.id),
    ),
  ];
}

/**
 * Seeds 000 and 003: recipients "non possono partecipare contemporaneamente ad un altro intervento
 * di politica attiva finanziato da risorse pubbliche (quali ad esempio Dote Unica Lavoro, Programma
 * Garanzia Giovani)". What the recipient declared at enrolment is what the registry knows of those.
 */
export function exclusivePolicyOutside(enrolments: DeclaredEnrolment[]): RuleFinding[] {
  const declaring = enrolments.filter((e) => e.outsidePolicies.length);
  if (!declaring.length) return [];
  const declared = Object.values(OutsidePolicy).filter((p) => declaring.some((e) => e.outsidePolicies.includes(p)));
  const names = { it: declared.map((p) => ENUM_LABELS.it.OutsidePolicy[p]).join(', '), en: declared.map((p) => ENUM_LABELS.en.OutsidePolicy[p]).join(', ') };
  const one = declaring.length === 1;
  return [
    finding(
      `${one ? '1 destinatario dichiara' : `${declaring.length} destinatari dichiarano`} di partecipare a un altro intervento di politica attiva finanziato con risorse pubbliche (${names.it}): non ${one ? 'può' : 'possono'} partecipare contemporaneamente alla rete.`,
      `${one ? '1 recipient declares' : `${declaring.length} recipients declare`} taking part in another publicly funded active-labour-policy intervention (${names.en}) and may not take part in the network at the same time.`,
      declaring.map((e) => e.id),
    ),
  ];
}
