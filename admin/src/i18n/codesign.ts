/** Messages of the co-design pages (seed 004), spread into it.ts and en.ts. */
const record = { id: 'Identificativo', version: 'Versione', createdAt: 'Creato il', updatedAt: 'Aggiornato il', tenantId: 'Ente', q: 'Cerca' };
const recordEn = { id: 'Identifier', version: 'Version', createdAt: 'Created', updatedAt: 'Updated', tenantId: 'Tenant', q: 'Search' };

const sectionsIt = {
  recipientTypes: '1. Differenti tipologie di destinatari',
  territorialNeeds: '2. Bisogni del target rilevati sul territorio',
  generalObjectives: '3. Obiettivi generali',
  specificObjectives: '4. Obiettivi specifici',
  activities: '5. Descrizione azioni e attività previste',
  timing: '6. Tempi di realizzazione',
  humanResources: '7. Risorse umane coinvolte',
  networkActors: '8. Altri soggetti della rete coinvolgibili',
  expectedOutputs: '9. Output e risultati attesi (elementi osservabili)',
  monitoringTools: '10. Strumenti di raccolta dati, monitoraggio e valutazione',
};
const sectionsEn = {
  recipientTypes: '1. Types of recipients',
  territorialNeeds: '2. Needs found in the territory',
  generalObjectives: '3. General objectives',
  specificObjectives: '4. Specific objectives',
  activities: '5. Actions and activities',
  timing: '6. Timing',
  humanResources: '7. Human resources',
  networkActors: '8. Other actors of the network that can be involved',
  expectedOutputs: '9. Outputs and expected results (observable elements)',
  monitoringTools: '10. Data collection, monitoring and evaluation tools',
};

export const codesign = {
  it: {
    resources: {
      codesignCalls: {
        name: 'Istruttoria di coprogettazione |||| Istruttorie di coprogettazione',
        fields: {
          ...record, code: 'Codice', title: 'Titolo', object: 'Oggetto', generalObjectives: 'Obiettivo generale', specificObjectives: 'Obiettivi specifici',
          resources: 'Risorse messe a disposizione', budget: 'Importo', targetGroupIds: 'Destinatari', deadline: 'Scadenza per le proposte', status: 'Stato',
          awardActNumber: 'Atto di aggiudicazione', awardActDate: 'Data dell’atto', networkId: 'Progetto (rete)', statuses: 'Stato',
        },
      },
      codesignCriteria: { name: 'Criterio |||| Criteri', fields: { ...record, callId: 'Istruttoria', name: 'Criterio', weight: 'Peso', position: 'Ordine' } },
      codesignEvaluators: { name: 'Valutatore |||| Valutatori', fields: { ...record, callId: 'Istruttoria', userId: 'ID utente', affiliatedBodyId: 'Ente di appartenenza (ID)' } },
      codesignProposals: {
        name: 'Proposta progettuale |||| Proposte progettuali',
        fields: { ...record, callId: 'Istruttoria', title: 'Titolo', leadLegalName: 'Ente proponente', leadTaxCode: 'Codice fiscale del proponente', summary: 'Sintesi', status: 'Stato', submittedAt: 'Presentata il' },
      },
      codesignProposalPartners: { name: 'Partner |||| Partner', fields: { ...record, legalName: 'Denominazione', taxCode: 'Codice fiscale', partnerTypeId: 'Tipologia', contribution: 'Apporto' } },
      codesignActions: { name: 'Azione |||| Azioni', fields: { ...record, ...sectionsIt, proposalId: 'Proposta', title: 'Azione', position: 'Ordine' } },
      codesignScores: { name: 'Punteggio |||| Punteggi', fields: { ...record, criterionId: 'Criterio', score: 'Punteggio', reason: 'Motivazione', evaluatorId: 'Valutatore' } },
      targetGroups: { name: 'Gruppo di destinatari |||| Gruppi di destinatari', fields: { ...record, code: 'Codice', name: 'Descrizione' } },
      ambitoMunicipalities: { name: 'Comune dell’ambito |||| Comuni degli ambiti', fields: { ...record, ambitoId: 'Ambito', municipalityId: 'Comune' } },
    },
    enums: {
      CodesignCallStatus: { DRAFT: 'Bozza', PUBLISHED: 'Pubblicata', CLOSED: 'Chiusa', AWARDED: 'Aggiudicata' },
      CodesignProposalStatus: { DRAFT: 'Bozza', SUBMITTED: 'Presentata', UNDER_EVALUATION: 'In valutazione', SELECTED: 'Selezionata', NOT_SELECTED: 'Non selezionata' },
    },
    messages: {
      status_changed: 'Stato dell’istruttoria aggiornato',
      call_step: { PUBLISHED: 'Pubblica', CLOSED: 'Chiudi le proposte' },
      tabs: { call: 'Istruttoria', criteria: 'Criteri', evaluators: 'Commissione', proposals: 'Proposte', ranking: 'Graduatoria e aggiudicazione', project: 'Progetto', proposal: 'Proposta', actions: 'Azioni', partners: 'Partner', scores: 'Valutazione' },
      add_criterion: 'Aggiungi criterio', criterion_added: 'Criterio aggiunto',
      add_evaluator: 'Nomina valutatore', evaluator_added: 'Valutatore nominato',
      add_action: 'Aggiungi azione', action_added: 'Azione aggiunta',
      add_partner: 'Aggiungi partner', partner_added: 'Partner aggiunto',
      add_score: 'Registra punteggio', score_added: 'Punteggio registrato',
      missing_sections: 'Sezioni mancanti', all_sections: 'Tutte compilate',
      completeness: 'Completezza: %{percent}% (%{filled} sezioni su %{required}, %{actions} azioni)',
      submit: 'Presenta la proposta', confirm_submit: 'Dopo la presentazione la proposta non si potrà più modificare. Confermi?', submitted: 'Proposta presentata',
      no_ranking: 'Nessuna graduatoria da mostrare.',
      rank: 'Posizione', total: 'Punteggio totale', scored_criteria: 'Criteri valutati', choose: 'Seleziona',
      award: { title: 'Aggiudicazione', actNumber: 'Numero dell’atto', actDate: 'Data dell’atto', networkCode: 'Codice della rete', startDate: 'Inizio del progetto', endDate: 'Fine del progetto', submit: 'Aggiudica' },
      awarded: 'Istruttoria aggiudicata: il progetto è stato creato',
      menu: 'Coprogettazione',
    },
  },
  en: {
    resources: {
      codesignCalls: {
        name: 'Co-design call |||| Co-design calls',
        fields: {
          ...recordEn, code: 'Code', title: 'Title', object: 'Object', generalObjectives: 'General objective', specificObjectives: 'Specific objectives',
          resources: 'Resources made available', budget: 'Amount', targetGroupIds: 'Target groups', deadline: 'Deadline for proposals', status: 'Status',
          awardActNumber: 'Award act', awardActDate: 'Act date', networkId: 'Project (network)', statuses: 'Status',
        },
      },
      codesignCriteria: { name: 'Criterion |||| Criteria', fields: { ...recordEn, callId: 'Call', name: 'Criterion', weight: 'Weight', position: 'Order' } },
      codesignEvaluators: { name: 'Evaluator |||| Evaluators', fields: { ...recordEn, callId: 'Call', userId: 'User ID', affiliatedBodyId: 'Affiliated body (ID)' } },
      codesignProposals: {
        name: 'Proposal |||| Proposals',
        fields: { ...recordEn, callId: 'Call', title: 'Title', leadLegalName: 'Proposing body', leadTaxCode: "Proposer's tax code", summary: 'Summary', status: 'Status', submittedAt: 'Submitted' },
      },
      codesignProposalPartners: { name: 'Partner |||| Partners', fields: { ...recordEn, legalName: 'Legal name', taxCode: 'Tax code', partnerTypeId: 'Type', contribution: 'Contribution' } },
      codesignActions: { name: 'Action |||| Actions', fields: { ...recordEn, ...sectionsEn, proposalId: 'Proposal', title: 'Action', position: 'Order' } },
      codesignScores: { name: 'Score |||| Scores', fields: { ...recordEn, criterionId: 'Criterion', score: 'Score', reason: 'Reason', evaluatorId: 'Evaluator' } },
      targetGroups: { name: 'Target group |||| Target groups', fields: { ...recordEn, code: 'Code', name: 'Description' } },
      ambitoMunicipalities: { name: 'Ambito municipality |||| Ambito municipalities', fields: { ...recordEn, ambitoId: 'Ambito', municipalityId: 'Municipality' } },
    },
    enums: {
      CodesignCallStatus: { DRAFT: 'Draft', PUBLISHED: 'Published', CLOSED: 'Closed', AWARDED: 'Awarded' },
      CodesignProposalStatus: { DRAFT: 'Draft', SUBMITTED: 'Submitted', UNDER_EVALUATION: 'Under evaluation', SELECTED: 'Selected', NOT_SELECTED: 'Not selected' },
    },
    messages: {
      status_changed: 'Call status updated',
      call_step: { PUBLISHED: 'Publish', CLOSED: 'Close submissions' },
      tabs: { call: 'Call', criteria: 'Criteria', evaluators: 'Evaluators', proposals: 'Proposals', ranking: 'Ranking and award', project: 'Project', proposal: 'Proposal', actions: 'Actions', partners: 'Partners', scores: 'Evaluation' },
      add_criterion: 'Add criterion', criterion_added: 'Criterion added',
      add_evaluator: 'Appoint evaluator', evaluator_added: 'Evaluator appointed',
      add_action: 'Add action', action_added: 'Action added',
      add_partner: 'Add partner', partner_added: 'Partner added',
      add_score: 'Record score', score_added: 'Score recorded',
      missing_sections: 'Missing sections', all_sections: 'All filled in',
      completeness: 'Completeness: %{percent}% (%{filled} of %{required} sections, %{actions} actions)',
      submit: 'Submit the proposal', confirm_submit: 'Once submitted the proposal can no longer change. Confirm?', submitted: 'Proposal submitted',
      no_ranking: 'No ranking to show.',
      rank: 'Rank', total: 'Total score', scored_criteria: 'Criteria scored', choose: 'Select',
      award: { title: 'Award', actNumber: 'Act number', actDate: 'Act date', networkCode: 'Network code', startDate: 'Project start', endDate: 'Project end', submit: 'Award' },
      awarded: 'Call awarded: the project has been created',
      menu: 'Co-design',
    },
  },
};
