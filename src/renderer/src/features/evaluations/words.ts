import { useTranslation } from 'react-i18next';
import type { EvaluationDetail } from '../../../../shared/contract/evaluations';
import { EVALUATION_REFUSAL_TEXTS, type EvaluationEventType, type EvaluationRefusalCode } from '../../../../shared/domain/evaluations';
import { SCORING_REFUSAL_TEXTS, type Lang, type ScoringModel, type ScoringRefusalCode, type Text } from '../../../../shared/domain/scoring';

// How the evaluation screens say what the model data and the lifecycle's codes mean, in
// the interface language. The words of the codes live once, in src/shared/domain.

export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage === 'en-US' ? 'en-US' : 'zh-CN';
}

/** A text of the model data (item, option, grade labels) in the interface language. */
export function useText(): (text: Text | null | undefined) => string {
  const lang = useLang();
  return (text) => (text ? text[lang] : '—');
}

export type Action = EvaluationDetail['actions'][number];
export type Refusal = NonNullable<Action['refusal']>;

/** Why a step is not possible now, in full: the lifecycle's reason, with the item or the scoring's own reasons. */
export function refusalText(refusal: Refusal, model: ScoringModel, lang: Lang): string {
  const base = EVALUATION_REFUSAL_TEXTS[refusal.code as EvaluationRefusalCode][lang];
  const item = refusal.item ? model.items.find((i) => i.code === refusal.item) : undefined;
  const parts = [item ? `${base}（${item.label[lang]}）` : base];
  for (const s of refusal.scoring ?? []) {
    const about = s.item ? model.items.find((i) => i.code === s.item)?.label[lang] : null;
    parts.push(about ? `${SCORING_REFUSAL_TEXTS[s.code as ScoringRefusalCode][lang]}（${about}）` : SCORING_REFUSAL_TEXTS[s.code as ScoringRefusalCode][lang]);
  }
  return parts.join(lang === 'zh-CN' ? '；' : '; ');
}

/** The action of an event in the detail (every event is listed by actionsFor). */
export function actionOf(detail: EvaluationDetail, event: EvaluationEventType): Action {
  return detail.actions.find((a) => a.event === event) ?? { event, allowed: false, refusal: { code: 'wrong_state' } };
}

/**
 * Refusals that only say "not yours" or "not now": a button refused for one of these is
 * not shown at all, the others are shown disabled with their reason (sheets still to come …).
 */
const NOT_FOR_THIS_VIEWER: readonly string[] = ['not_permitted', 'not_a_reviewer', 'not_account_manager', 'wrong_state', 'not_started', 'sheet_submitted', 'reviewer_not_removable', 'nothing_to_settle', 'objection_open', 'not_a_computed_item'];

export function shown(action: Action): boolean {
  return action.allowed || (action.refusal !== null && !NOT_FOR_THIS_VIEWER.includes(action.refusal.code));
}

/** A person's display name from the detail's people (an id not among them shows as is). */
export function nameOf(detail: EvaluationDetail, id: string, system: string): string {
  if (id === 'system') return system;
  return detail.people.find((p) => p.id === id)?.displayName ?? id;
}

/** An option's code when it is a level to read (A, B …); a named option (strong, none …) shows by its words alone. */
export function levelCode(code: string): string | null {
  return /^[A-Z]{1,3}$/.test(code) ? code : null;
}

/** A grade as people say it: "B 良好" for a letter grade, "准入" for a named one (its code is not for reading). */
export function gradeName(code: string, label: string | null | undefined): string {
  if (!label) return code;
  return /^[A-Z]{1,3}$/.test(code) ? `${code} ${label}` : label;
}
