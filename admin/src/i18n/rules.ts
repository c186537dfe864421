/** Console messages of the measures' rules: new parameters, compatible measures, dry runs and compliance flags. */
const it = {
  measureFields: {
    minCompanies: 'Aziende in crisi almeno',
    eligibleRecipientKinds: 'Destinatari ammessi (vuoto: tutti)',
    suspendedNeedRedundancies: 'Sospesi ammessi solo se sono previsti esuberi',
    placementAmountsByBand: 'Inserimento lavorativo per fascia di aiuto',
    selfEmploymentAmountsByBand: 'Autoimprenditorialità per fascia di aiuto',
  },
  networkFields: {
    outOfCompliance: 'Conformità',
    violationCount: 'Regole violate',
    members: 'Partenariato',
    companies: 'Aziende in crisi',
    allocations: 'Assegnazioni',
    recipientEnrolments: 'Destinatari iscritti',
  },
  resources: {
    measureCompatibilities: {
      name: 'Misure compatibili |||| Misure compatibili',
      fields: { id: 'Identificativo', measureId: 'Misura', compatibleMeasureId: 'Compatibile con', createdAt: 'Creata il', updatedAt: 'Aggiornata il' },
    },
  },
  reti: {
    rules: {
      out_of_compliance: 'Non conforme',
      out_of_compliance_detail: 'La rete è attiva ma non rispetta più %{smart_count} regola della misura. |||| La rete è attiva ma non rispetta più %{smart_count} regole della misura.',
      upcoming: 'Con le uscite previste o alla fine del progetto:',
      band_amounts: 'Servizi a risultato per fascia di aiuto',
      band_amounts_help: 'Importo di ciascuna fascia; vuoto: vale il tetto per destinatario.',
      band_amount: 'Fascia %{band} – %{kind}',
      band_kind: { placementAmountsByBand: 'inserimento lavorativo', selfEmploymentAmountsByBand: 'autoimprenditorialità' },
      dry_run_title: 'Reti attive che non sarebbero più conformi',
      dry_run_intro: 'Salvando, %{smart_count} rete attiva non rispetterebbe più le regole: |||| Salvando, %{smart_count} reti attive non rispetterebbero più le regole:',
      save_anyway: 'Salva comunque',
      preview_title: 'Anteprima della modifica',
      no_network_concerned: 'Nessuna rete attiva interessata: la modifica non mette fuori regola nessuna rete.',
      confirm_save: 'Conferma e salva',
      nothing_changed: 'Nessuna modifica da salvare',
      concerns: 'Riguarda: %{field}',
    },
  },
};

const en: typeof it = {
  measureFields: {
    minCompanies: 'Companies in crisis, at least',
    eligibleRecipientKinds: 'Recipients admitted (empty: all)',
    suspendedNeedRedundancies: 'Suspended workers only where redundancies are expected',
    placementAmountsByBand: 'Job placement by aid band',
    selfEmploymentAmountsByBand: 'Self-employment by aid band',
  },
  networkFields: {
    outOfCompliance: 'Compliance',
    violationCount: 'Rules broken',
    members: 'Partnership',
    companies: 'Companies in crisis',
    allocations: 'Allocations',
    recipientEnrolments: 'Enrolled recipients',
  },
  resources: {
    measureCompatibilities: {
      name: 'Compatible measures |||| Compatible measures',
      fields: { id: 'Id', measureId: 'Measure', compatibleMeasureId: 'Compatible with', createdAt: 'Created at', updatedAt: 'Updated at' },
    },
  },
  reti: {
    rules: {
      out_of_compliance: 'Out of compliance',
      out_of_compliance_detail: "The network is active but breaks %{smart_count} of its measure's rules. |||| The network is active but breaks %{smart_count} of its measure's rules.",
      upcoming: 'With the planned departures or at the end of the project:',
      band_amounts: 'Result services by aid band',
      band_amounts_help: "Each band's amount; empty: the cap per recipient applies.",
      band_amount: 'Band %{band} – %{kind}',
      band_kind: { placementAmountsByBand: 'job placement', selfEmploymentAmountsByBand: 'self-employment' },
      dry_run_title: 'Active networks that would fall out of compliance',
      dry_run_intro: 'Saving would put %{smart_count} active network out of compliance: |||| Saving would put %{smart_count} active networks out of compliance:',
      save_anyway: 'Save anyway',
      preview_title: 'Preview of the change',
      no_network_concerned: 'No active network concerned: the change puts no network out of compliance.',
      confirm_save: 'Confirm and save',
      nothing_changed: 'Nothing to save',
      concerns: 'Concerns: %{field}',
    },
  },
};

export const rules = { it, en };
