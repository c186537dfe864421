import { BatchReads } from '../../common/request';
import { RuleCode } from '../measure/measure.entity';
import type { Network } from '../network/network.entity';
import { defineNetworkRule, RuleFinding } from '../network/rule-registry';
import { RecipientEnrolment } from '../recipient/recipient.entity';
import { AmbitoMunicipality } from './codesign.entity';

async function loadResidences(network: Network, loaders: BatchReads) {
  const [enrolments, territory] = await Promise.all([
    loaders.manyBy(RecipientEnrolment, 'networkId').load(network.id),
    loaders.manyBy(AmbitoMunicipality, 'ambitoId').load(network.tenantId),
  ]);
  return { enrolments: enrolments.map((e) => ({ id: e.id, residenceMunicipalityId: e.residenceMunicipalityId })), ambito: new Set(territory.map((t) => t.municipalityId)) };
}

const recipients = (n: number) => (n === 1 ? '1 destinatario' : `${n} destinatari`);

/**
 * Recipients reside in one of the ambito's municipalities. The trigger refuses an enrolment that
 * breaks it; the report finds what changed since (the ambito's municipalities, the measure's rules).
 */
export const RESIDENCE_IN_AMBITO = defineNetworkRule({
  code: RuleCode.RESIDENCE_IN_AMBITO,
  owner: 'codesign',
  kind: 'LIMIT',
  enforcedBy: 'recipient_residence_check',
  reachedBy: ['recipientEnrolment', 'ambitoMunicipality'],
  load: loadResidences,
  evaluate: ({ enrolments, ambito }) => {
    const out: RuleFinding[] = [];
    const missing = enrolments.filter((e) => !e.residenceMunicipalityId).map((e) => e.id);
    const outside = enrolments.filter((e) => e.residenceMunicipalityId && !ambito.has(e.residenceMunicipalityId)).map((e) => e.id);
    if (missing.length) {
      out.push({ field: 'recipientEnrolments', ids: missing, message: `Per questa misura il destinatario deve indicare il comune di residenza: ${recipients(missing.length)} senza.`, messageEn: `For this measure the recipient's municipality of residence is required: ${missing.length} recipient(s) without it.` });
    }
    if (outside.length) {
      out.push({ field: 'recipientEnrolments', ids: outside, message: `Il destinatario deve risiedere in uno dei comuni dell'ambito: ${recipients(outside.length)} fuori dall'ambito.`, messageEn: `The recipient must reside in one of the ambito's municipalities: ${outside.length} recipient(s) outside it.` });
    }
    return out;
  },
});
