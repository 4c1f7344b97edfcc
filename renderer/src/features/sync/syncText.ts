import type { TFunction } from 'i18next';
import type { SyncProgress } from '../../../../shared/api/sync';
import type { Language } from '../../../../shared/languages';
import type { Freshness } from './syncRules';

/**
 * The words of sync for shoppers: provisioning progress and how fresh stock is. Pure functions of the
 * translator and the clock, so every language's wording is testable without a screen.
 */

/** Words in the shopper's language; the clock (14:05 or 2:05 PM) as the store's country reads it. */
export interface TimeLocale {
  language: Language;
  /** The store's locale from the configuration, e.g. `sv-SE`. */
  storeLocale: string;
}

/** "About 2 minutes left", "Less than a minute left"; null while there is no rate to estimate from. */
export function etaText(etaSeconds: number | null, t: TFunction): string | null {
  if (etaSeconds === null || !Number.isFinite(etaSeconds)) return null;
  if (etaSeconds < 60) return t('sync.setup.etaLessThanMinute');
  const minutes = Math.round(etaSeconds / 60);
  if (minutes < 90) return t('sync.setup.etaMinutes', { count: minutes });
  return t('sync.setup.etaHours', { count: Math.round(minutes / 60) });
}

/** What the pillar is doing now, in words; "Getting started" before the first progress report. */
export function stageText(progress: SyncProgress | null, t: TFunction): string {
  return progress ? t(`sync.setup.stage.${progress.stage}`) : t('sync.setup.starting');
}

/** Whole percent done, never rounded up to 100 % before the end. */
export function percentDone(fraction: number): number {
  return Math.min(100, Math.max(0, Math.floor(fraction * 100)));
}

export function percentText(percent: number, language: Language): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(percent / 100);
}

/** The freshness line's words, or null when there is nothing to say. */
export function freshnessText(freshness: Freshness, now: number, t: TFunction, locale: TimeLocale): string | null {
  if (freshness.kind === 'hidden') return null;
  if (freshness.kind === 'stale') {
    if (freshness.at === null) return t('sync.freshness.stale');
    const { time, date } = clockParts(freshness.at, now, locale);
    return date ? t('sync.freshness.staleSinceDate', { date, time }) : t('sync.freshness.staleSince', { time });
  }
  // A clock a little behind the backend's must not say "updated in 1 minute".
  const age = Math.max(0, now - freshness.at);
  if (age < 60_000) return t('sync.freshness.justNow');
  if (age < 60 * 60_000) return t('sync.freshness.minutesAgo', { count: Math.floor(age / 60_000) });
  const { time, date } = clockParts(freshness.at, now, locale);
  return date ? t('sync.freshness.onDate', { date, time }) : t('sync.freshness.at', { time });
}

/** The time of day, and the date too when it was not today (a pillar runs for weeks). */
function clockParts(at: number, now: number, { language, storeLocale }: TimeLocale): { time: string; date: string | null } {
  const hourCycle = hourCycleOf(storeLocale);
  // 24-hour clocks read 09:05, 12-hour ones 9:05 AM.
  const hour = hourCycle === 'h23' || hourCycle === 'h24' ? '2-digit' : 'numeric';
  const time = new Intl.DateTimeFormat(language, { hour, minute: '2-digit', hourCycle }).format(at);
  const sameDay = new Date(at).toDateString() === new Date(now).toDateString();
  const date = sameDay ? null : new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long' }).format(at);
  return { time, date };
}

/** 24-hour or 12-hour, as the store's country writes the time; a broken locale falls back to 24-hour. */
function hourCycleOf(storeLocale: string): Intl.DateTimeFormatOptions['hourCycle'] {
  try {
    return new Intl.DateTimeFormat(storeLocale, { hour: 'numeric' }).resolvedOptions().hourCycle ?? 'h23';
  } catch {
    return 'h23';
  }
}
