/** Picking the user's language for messages that the core writes in both. */
import type { Language, Localized } from './types';

/** Builds a bilingual message. */
export function msg(zh: string, en: string): Localized {
  return { zh, en };
}

/** The text of a message in `language`. */
export function pick(message: Localized, language: Language): string {
  return language === 'zh' ? message.zh : message.en;
}

/**
 * The language for a locale tag or POSIX locale (zh-cn, zh_CN.UTF-8, zh-Hans → zh; anything else → en).
 * The CLI passes LC_ALL/LC_MESSAGES/LANG, the server the client's locale.
 */
export function languageOf(locale: string | undefined): Language {
  return locale && /^zh/i.test(locale.trim()) ? 'zh' : 'en';
}

/** The language from a process environment, POSIX precedence (LC_ALL, LC_MESSAGES, LANG). */
export function languageFromEnv(env: Record<string, string | undefined>): Language {
  return languageOf(env.POLICYMARK_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG);
}
