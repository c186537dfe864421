import { ReactElement } from 'react';
import LockIcon from '@mui/icons-material/LockOutlined';
import { Alert, Box, Button, Step, StepLabel, Stepper, Typography, useMediaQuery, Theme } from '@mui/material';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useGetIdentity, useGetList, useLocaleState, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useApiErrorNotifier } from '../../common/useApiErrorNotifier';
import { codesignApi, RankingEntry } from './codesignApi';

interface Call {
  id: string;
  version: number;
  tenantId: string;
  status: 'DRAFT' | 'PUBLISHED' | 'CLOSED' | 'AWARDED';
  deadline: string;
  targetGroupIds?: string[];
  networkId?: string | null;
}

type StepKey = 'publish' | 'evaluators' | 'deadline' | 'close' | 'scores' | 'ranking' | 'award';
interface StepState {
  key: StepKey;
  done: boolean;
  /** Why the step cannot be taken yet, when it cannot. */
  locked?: string;
  /** What the step waits for or when it happened. */
  note?: string;
}

/** Whether each proposal has a score on every criterion (the ranking counts criteria scored). */
const fullyScored = (entry: RankingEntry) => entry.criteria > 0 && entry.scoredCriteria >= entry.criteria;

/**
 * The call's lifecycle as a stepper (publication → evaluators → deadline → close → scores → ranking
 * → award: the commission is fixed when the call closes, and nobody appoints themself), what this user can do next, and why a step is not open yet. The server decides; this
 * says beforehand what it would say.
 */
export const CallLifecycle = () => {
  const call = useRecordContext<Call>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const refresh = useRefresh();
  const onError = useApiErrorNotifier();
  const narrow = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  const { identity } = useGetIdentity();
  const owner = !!call && !!identity && identity.tenantId === call.tenantId && identity.role === 'EDITOR';
  const enabled = !!call;
  const { data: criteria = [] } = useGetList('codesignCriteria', { filter: { callId: call?.id }, pagination: { page: 1, perPage: 100 } }, { enabled });
  const { data: evaluators = [] } = useGetList('codesignEvaluators', { filter: { callId: call?.id }, pagination: { page: 1, perPage: 100 } }, { enabled: enabled && owner });
  const { data: myScores = [] } = useGetList<{ id: string; proposalId: string; criterionId: string }>(
    'codesignScores',
    { filter: { callId: call?.id, evaluatorId: identity?.id }, pagination: { page: 1, perPage: 500 } },
    { enabled: enabled && owner && !!identity },
  );
  const body = !!call && !!identity && !owner && identity.role === 'EDITOR';
  const { data: ownProposals = [] } = useGetList<{ id: string; status: string }>('codesignProposals', { filter: { callId: call?.id }, pagination: { page: 1, perPage: 10 } }, { enabled: enabled && body });
  const { data: ranking = [] } = useQuery({ queryKey: ['codesignCalls', 'ranking', call?.id, call?.version], queryFn: () => codesignApi.ranking(call!.id), enabled: enabled && owner });
  const status = useMutation({
    mutationFn: (next: 'PUBLISHED' | 'CLOSED') => codesignApi.setCallStatus(call!.id, call!.version, next),
    onSuccess: () => {
      notify('reti.codesign.status_changed', { type: 'success' });
      refresh();
    },
    onError,
  });
  if (!call) return null;

  const when = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'it-IT', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(call.deadline));
  const passed = Date.now() >= new Date(call.deadline).getTime();
  const weights = criteria.reduce((sum, c) => sum + Number(c.weight ?? 0), 0);
  const hasTargets = (call.targetGroupIds ?? []).length > 0;
  const after = (s: Call['status'][]) => s.includes(call.status);
  const closedOrLater = after(['CLOSED', 'AWARDED']);
  const iAmEvaluator = evaluators.some((e) => e.userId === identity?.id);
  const submitted = ranking.length;
  const complete = submitted > 0 && ranking.every(fullyScored);
  const someComplete = ranking.some(fullyScored);
  const mine = (entry: RankingEntry) => myScores.filter((score) => score.proposalId === entry.proposalId).length >= entry.criteria;
  const myPart = !iAmEvaluator || ranking.filter((entry) => entry.status === 'UNDER_EVALUATION').every(mine);
  const t = (key: string, options?: object) => translate(`reti.codesign.lifecycle.${key}`, options);

  const publishLock = call.status === 'DRAFT'
    ? weights !== 100 ? t('locked.weights', { weights }) : !hasTargets ? t('locked.targets') : passed ? t('locked.deadline_past', { date: when }) : undefined
    : undefined;
  const steps: StepState[] = [
    { key: 'publish', done: call.status !== 'DRAFT', locked: publishLock },
    {
      key: 'evaluators',
      done: owner ? evaluators.length > 0 : closedOrLater,
      note: owner && evaluators.length ? t('note.evaluators', { smart_count: evaluators.length }) : undefined,
      locked: owner && closedOrLater && !evaluators.length ? t('locked.commission_fixed') : undefined,
    },
    { key: 'deadline', done: passed && call.status !== 'DRAFT', note: t(passed ? 'note.deadline_passed' : 'note.deadline', { date: when }) },
    {
      key: 'close',
      done: closedOrLater,
      locked: call.status === 'DRAFT' ? t('locked.publish_first') : call.status === 'PUBLISHED' && !passed ? t('locked.close_after', { date: when })
        : call.status === 'PUBLISHED' && owner && !evaluators.length ? t('locked.close_needs_evaluators') : undefined,
    },
    {
      key: 'scores',
      done: call.status === 'AWARDED' || (complete && myPart),
      locked: !closedOrLater ? t('locked.scores_after_close') : owner && call.status === 'CLOSED' && !evaluators.length ? t('locked.commission_fixed') : undefined,
    },
    {
      key: 'ranking',
      done: call.status === 'AWARDED' || complete,
      locked: !closedOrLater ? t('locked.ranking_after_close') : owner && call.status === 'CLOSED' && !someComplete ? t('locked.ranking_needs_scores') : undefined,
    },
    {
      key: 'award',
      done: call.status === 'AWARDED',
      locked: !closedOrLater ? t('locked.award_after_close') : owner && call.status === 'CLOSED' && !someComplete ? t('locked.ranking_needs_scores') : undefined,
    },
  ];
  const active = steps.findIndex((s) => !s.done);

  const link = (to: string, label: string) => (
    <Button component={Link} to={to} variant="contained" size="small">
      {label}
    </Button>
  );
  const button = (label: string, onClick: () => void, disabled = false) => (
    <Button variant="contained" size="small" onClick={onClick} disabled={disabled}>
      {label}
    </Button>
  );
  const base = `/codesignCalls/${call.id}/show`;
  let next: { text: string; action?: ReactElement } | undefined;
  if (owner) {
    // What this evaluator has still to score, else what nobody has scored yet.
    const unscored = ranking.find((entry) => entry.status === 'UNDER_EVALUATION' && !mine(entry)) ?? ranking.find((entry) => !fullyScored(entry));
    if (call.status === 'DRAFT') {
      if (weights !== 100) next = { text: t('next.criteria', { weights }), action: link(`${base}/criteria`, t('action.criteria')) };
      else if (!hasTargets || passed) next = { text: publishLock!, action: link(`/codesignCalls/${call.id}`, t('action.edit')) };
      else next = { text: t('next.publish', { date: when }), action: button(translate('reti.codesign.call_step.PUBLISHED'), () => status.mutate('PUBLISHED'), status.isPending) };
    } else if (call.status === 'PUBLISHED' && !evaluators.length) {
      next = { text: t('next.evaluators', { date: when }), action: link(`${base}/evaluators`, t('action.evaluators')) };
    } else if (call.status === 'PUBLISHED' && !passed) {
      next = { text: t('next.wait_deadline', { date: when }), action: link(`${base}/evaluators`, t('action.evaluators')) };
    } else if (call.status === 'PUBLISHED') {
      next = { text: t('next.close', { smart_count: submitted }), action: button(translate('reti.codesign.call_step.CLOSED'), () => status.mutate('CLOSED'), status.isPending) };
    } else if (call.status === 'CLOSED' && !iAmEvaluator) {
      next = { text: t(evaluators.length ? 'next.not_evaluator' : 'next.no_evaluators') };
    } else if (call.status === 'CLOSED' && unscored) {
      next = { text: t('next.score', { title: unscored.title, body: unscored.leadLegalName }), action: link(`/codesignProposals/${unscored.proposalId}/show/scores`, t('action.score')) };
    } else if (call.status === 'CLOSED') {
      next = { text: t(submitted ? 'next.award' : 'next.no_proposals'), action: submitted ? link(`${base}/ranking`, t('action.ranking')) : undefined };
    } else {
      next = { text: t('next.awarded'), action: call.networkId ? link(`/networks/${call.networkId}/show`, t('action.project')) : undefined };
    }
  } else if (body && call.status === 'PUBLISHED' && !passed) {
    const draft = ownProposals.find((p) => p.status === 'DRAFT');
    if (draft) next = { text: t('next.submit_draft', { date: when }), action: link(`/codesignProposals/${draft.id}/show`, t('action.proposal')) };
    else if (ownProposals.length) next = { text: t('next.proposal_submitted', { date: when }), action: link(`/codesignProposals/${ownProposals[0].id}/show`, t('action.proposal')) };
    else next = { text: t('next.propose', { date: when }), action: link('/codesignProposals/create', t('action.new_proposal')) };
  }

  return (
    <Box sx={{ px: 2, pt: 2 }} data-testid="call-lifecycle">
      <Typography variant="subtitle2" component="h2" sx={{ mb: 1 }}>
        {t('title')}
      </Typography>
      <Stepper activeStep={active === -1 ? steps.length : active} orientation={narrow ? 'vertical' : 'horizontal'} alternativeLabel={!narrow}>
        {steps.map((step) => (
          <Step key={step.key} completed={step.done} data-testid={`step-${step.key}`}>
            <StepLabel
              error={false}
              optional={
                step.locked || step.note ? (
                  <Typography variant="caption" color="text.secondary" component="span" sx={{ display: 'block' }} data-testid={step.locked ? `locked-${step.key}` : undefined}>
                    {step.locked && <LockIcon aria-hidden sx={{ fontSize: 'inherit', verticalAlign: 'middle', mr: 0.5 }} />}
                    {step.locked ?? step.note}
                  </Typography>
                ) : undefined
              }
            >
              {t(`step.${step.key}`)}
            </StepLabel>
          </Step>
        ))}
      </Stepper>
      {next && (
        <Alert severity="info" sx={{ mt: 2, alignItems: 'center' }} action={next.action} data-testid="call-next-step">
          <strong>{t('next.label')}</strong> {next.text}
        </Alert>
      )}
    </Box>
  );
};
