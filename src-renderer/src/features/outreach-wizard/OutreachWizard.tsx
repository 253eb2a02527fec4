import { useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutreachPlan, TemplateKind } from '@shared/outreach';
import { regionTimeZone } from '@shared/time';
import { errorText, useChannelMutation } from '../../api';
import { Dialog } from '../../components/Dialog';
import { Notice } from '../../components/Notice';
import { useToasts } from '../../components/Toasts';
import { useShops } from '../../hooks/useShops';
import {
  type Audience,
  commissionBp,
  type Draft,
  emptyDraft,
  keptCreators,
  needs,
  shopKey,
  shopsOf,
  toInput,
} from './draft';
import { AudienceStep } from './AudienceStep';
import { MessageStep } from './MessageStep';
import { PlanStep } from './PlanStep';
import { ProductsStep } from './ProductsStep';
import { ScheduleStep } from './ScheduleStep';

type Step = 'audience' | 'products' | 'message' | 'schedule' | 'plan';
const allSteps: readonly Step[] = ['audience', 'products', 'message', 'schedule', 'plan'];

/**
 * New outreach, step by step: shop, creators and action; products with commission and the free-sample rule;
 * the templates (chosen or written, previewed for a creator); when to send; then the dry-run plan, and
 * nothing is queued before Confirm.
 */
export function OutreachWizard(props: {
  audience?: Audience;
  onClose: () => void;
  onCreated?: (outreachId: number) => void;
}): ReactElement {
  const { t } = useTranslation();
  const { showToast } = useToasts();
  const shops = useShops();
  const [draft, setDraft] = useState<Draft>(() =>
    emptyDraft(props.audience ?? { kind: 'list', listId: null }),
  );
  const [step, setStep] = useState<Step>('audience');
  const [error, setError] = useState<string | null>(null);
  const [plan, setPlan] = useState<OutreachPlan | null>(null);
  /** Templates written here are saved once; their ids are kept for the plan and create calls. */
  const [savedIds, setSavedIds] = useState<Record<TemplateKind, number | null>>({
    invitation: null,
    message: null,
  });
  /** Whether each text's latest preview was free of problems (true until a preview says otherwise). */
  const [previewOk, setPreviewOk] = useState<Record<TemplateKind, boolean>>({
    invitation: true,
    message: true,
  });
  const update = (patch: Partial<Draft>): void => {
    setDraft((d) => ({ ...d, ...patch }));
    setPlan(null);
    setError(null);
  };

  const shopOptions = useMemo(() => shopsOf(shops.accounts ?? []), [shops.accounts]);
  const shop = shopOptions.find((s) => shopKey(s.accountId, s.shopId) === draft.shopKey) ?? null;
  const zone = shop ? regionTimeZone(shop.region) : 'UTC';
  const need = needs(draft.action);
  const steps = useMemo(() => allSteps.filter((s) => s !== 'products' || need.invitation), [need.invitation]);
  const index = steps.indexOf(step);

  const saveTemplate = useChannelMutation('templates:save', { invalidates: ['templates:list'] });
  const planCall = useChannelMutation('outreach:plan');
  const create = useChannelMutation('outreach:create', { invalidates: ['outreach:list'] });
  const start = useChannelMutation('outreach:start', { invalidates: ['outreach:list'] });
  const busy = saveTemplate.isPending || planCall.isPending || create.isPending || start.isPending;

  /** The problem that keeps the user on this step, in words; null when it may go on. */
  const blocker = (s: Step): string | null => {
    if (s === 'audience') {
      if (!draft.name.trim()) return t('outreach.wizard.need.name');
      if (!shop) return t('outreach.wizard.need.shop');
      if (draft.audience.kind === 'list' && draft.audience.listId === null)
        return t('outreach.wizard.need.creators');
    }
    if (s === 'products') {
      const chosen = Object.values(draft.products);
      if (chosen.length === 0) return t('outreach.wizard.need.products');
      if (chosen.some((r) => (commissionBp(r) ?? 0) < 1_000)) return t('outreach.wizard.need.commission');
      if (!/^\S+@\S+\.\S+$/.test(draft.sellerEmail.trim())) return t('outreach.wizard.need.email');
    }
    if (s === 'message') {
      for (const kind of ['invitation', 'message'] as const) {
        if (!need[kind]) continue;
        const c = draft.templates[kind];
        if (!c.writing && c.templateId === null) return t(`outreach.wizard.need.template.${kind}`);
        if (c.writing && !c.name.trim()) return t('outreach.wizard.need.templateName');
        if (c.writing && !c.body.trim()) return t(`outreach.wizard.need.template.${kind}`);
        if (!previewOk[kind]) return t('outreach.wizard.need.fixTemplate');
      }
    }
    if (s === 'schedule' && draft.windowOn && draft.windowStart === draft.windowEnd)
      return t('outreach.wizard.need.window');
    return null;
  };

  const ensureTemplates = async (): Promise<Record<TemplateKind, number | null>> => {
    const ids = { ...savedIds };
    for (const kind of ['invitation', 'message'] as const) {
      const c = draft.templates[kind];
      if (!need[kind]) continue;
      if (!c.writing) {
        ids[kind] = c.templateId;
        continue;
      }
      const saved = await saveTemplate.mutateAsync({
        ...(ids[kind] !== null ? { id: ids[kind] } : {}),
        name: c.name.trim(),
        kind,
        language: c.language,
        body: c.body,
      });
      ids[kind] = saved.id;
    }
    setSavedIds(ids);
    return ids;
  };

  const next = async (): Promise<void> => {
    const problem = blocker(step);
    if (problem) {
      setError(problem);
      return;
    }
    setError(null);
    const following = steps[index + 1];
    if (!following) return;
    if (following === 'plan') {
      try {
        const ids = await ensureTemplates();
        setPlan(await planCall.mutateAsync(toInput(draft, zone, ids)));
      } catch (err) {
        setError(errorText(err));
        return;
      }
    }
    setStep(following);
  };

  const confirm = async (): Promise<void> => {
    try {
      const ids = await ensureTemplates();
      const created = await create.mutateAsync(
        toInput(draft, zone, ids, draft.leaveOutWaiting && plan ? keptCreators(plan) : undefined),
      );
      const started = await start.mutateAsync({ id: created.outreach.id });
      showToast({
        tone: 'success',
        message: { key: 'outreach.wizard.created', params: { name: started.name } },
      });
      props.onCreated?.(started.id);
      props.onClose();
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <Dialog
      title={t('outreach.wizard.title')}
      onClose={props.onClose}
      busy={busy}
      className="outreach-wizard"
    >
      <ol className="wizard-steps" aria-label={t('outreach.wizard.stepsLabel')}>
        {steps.map((s, i) => (
          <li key={s} aria-current={s === step ? 'step' : undefined} className={i < index ? 'is-done' : ''}>
            <span className="wizard-step-number">{i + 1}</span> {t(`outreach.wizard.step.${s}`)}
          </li>
        ))}
      </ol>
      <form
        className="wizard-body"
        // The wizard names what is missing in the merchant's language; the browser's own bubbles would not.
        noValidate
        aria-label={t('outreach.wizard.stepOf', {
          number: index + 1,
          total: steps.length,
          step: t(`outreach.wizard.step.${step}`),
        })}
        onSubmit={(e) => {
          e.preventDefault();
          if (step === 'plan') void confirm();
          else void next();
        }}
      >
        {step === 'audience' && <AudienceStep draft={draft} update={update} shops={shopOptions} />}
        {step === 'products' && shop && <ProductsStep draft={draft} update={update} shopId={shop.shopId} />}
        {step === 'message' && shop && (
          <MessageStep
            draft={draft}
            update={update}
            shopName={shop.name}
            onChecked={(kind, ok) => setPreviewOk((p) => (p[kind] === ok ? p : { ...p, [kind]: ok }))}
          />
        )}
        {step === 'schedule' && shop && (
          <ScheduleStep draft={draft} update={update} zone={zone} shopId={shop.shopId} />
        )}
        {step === 'plan' && plan && (
          <PlanStep
            plan={plan}
            leaveOutWaiting={draft.leaveOutWaiting}
            onLeaveOutWaiting={(leaveOutWaiting) => setDraft((d) => ({ ...d, leaveOutWaiting }))}
          />
        )}
        {error && (
          <Notice tone="danger" title={t('outreach.wizard.cannotContinue')}>
            {error}
          </Notice>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={props.onClose} disabled={busy}>
            {t('outreach.wizard.cancel')}
          </button>
          {index > 0 && (
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => {
                setError(null);
                setStep(steps[index - 1] ?? 'audience');
              }}
            >
              {t('outreach.wizard.back')}
            </button>
          )}
          <button type="submit" className="button button-primary" disabled={busy}>
            {step === 'plan'
              ? t('outreach.wizard.confirm')
              : steps[index + 1] === 'plan'
                ? t('outreach.wizard.makePlan')
                : t('outreach.wizard.next')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
