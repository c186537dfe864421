/** Empty lists' explanations; spread into `reti` of it.ts and en.ts. */
export const conveniences = {
  it: {
    empty: {
      about: {
        default: 'Gli elementi compariranno qui appena saranno inseriti.',
        networks: 'Una rete riunisce i partner che attuano una misura su un territorio: il capofila, gli altri soggetti, le aziende in crisi e i destinatari.',
        partners: 'I partner sono i soggetti che possono entrare nelle reti: enti accreditati, CPI, enti di formazione, parti sociali.',
        crisisCompanies: 'Le aziende in crisi sono quelle i cui lavoratori le reti accompagnano verso un nuovo impiego.',
        competencePacts: 'Un patto territoriale raccoglie i firmatari che si impegnano su un territorio.',
        allocations: 'Le assegnazioni registrano le somme impegnate per le reti, per fonte di finanziamento.',
        codesignCalls: 'Un avviso di co-progettazione invita gli enti del terzo settore a presentare proposte.',
        codesignProposals: 'Le proposte presentate agli avvisi di co-progettazione compariranno qui.',
      },
      next_create: 'Per iniziare, premi «Crea» qui sotto.',
      next_read_only: 'Il tuo ruolo permette di consultare questo elenco ma non di aggiungere elementi: chiedi a un redattore del tuo ente.',
    },
  },
  en: {
    empty: {
      about: {
        default: 'Records will show here as soon as they are added.',
        networks: 'A network brings together the partners that carry out a measure in an area: the lead, the other members, the companies in crisis and the recipients.',
        partners: 'Partners are the bodies that can join networks: accredited operators, job centres, training bodies, social partners.',
        crisisCompanies: 'Companies in crisis are those whose workers the networks help towards a new job.',
        competencePacts: 'A territorial pact gathers the signatories who commit to an area.',
        allocations: 'Allocations record the amounts committed to the networks, by fund source.',
        codesignCalls: 'A co-design call invites third-sector bodies to submit proposals.',
        codesignProposals: 'Proposals submitted to co-design calls will show here.',
      },
      next_create: 'To start, press «Create» below.',
      next_read_only: 'Your role may read this list but not add to it: ask an editor of your office.',
    },
  },
};
