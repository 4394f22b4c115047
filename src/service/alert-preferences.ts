/**
 * The warning alerts an agent opted in to on the dashboard. All `false` until the agent turns one
 * on. Source: the agent's clicks, kept per agent through an {@link AlertPreferencesStorage}.
 */
export interface AlertPreferences {
  /** A short beep on each new warning. */
  readonly sound: boolean;
  /**
   * A desktop notification on each new warning. Only takes effect while the browser's
   * Notification permission is `granted` (asked on the agent's click, never on load).
   */
  readonly desktop: boolean;
  /** The number of current warnings in front of the page title. */
  readonly titleCount: boolean;
}

/** Nothing opted in (the default). */
export const NO_ALERTS: AlertPreferences = Object.freeze({ sound: false, desktop: false, titleCount: false });

/**
 * Where the dashboard's alert options are kept per agent, so they survive a reload. The sibling of
 * `ChannelSelectionStorage`: the host may pass its own (e.g. the CRM's user preferences) as
 * `ChatServiceOptions.alertStorage`, or `.alertPreferencesStorage` on `<chat-provider>` /
 * `<chat-screen>`.
 */
export interface AlertPreferencesStorage {
  /**
   * The stored options of an agent, or `null` when nothing is stored. May return a promise (a host
   * storage on a server). Missing or non-boolean fields count as `false`.
   */
  load(agentId: string): AlertPreferences | null | Promise<AlertPreferences | null>;
  /** Keep the options of an agent. Failures must not throw. */
  save(agentId: string, preferences: AlertPreferences): void | Promise<void>;
}

/** Key prefix of {@link LocalStorageAlertPreferences}: `chat-screen:alerts:<agentId>`. */
export const ALERT_PREFERENCES_KEY = 'chat-screen:alerts:';

/** Reads any stored value as preferences: booleans only, everything else `false`. */
export function toAlertPreferences(value: unknown): AlertPreferences {
  const v = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  return { sound: v.sound === true, desktop: v.desktop === true, titleCount: v.titleCount === true };
}

/**
 * The default storage: the browser's `localStorage` (a JSON object per agent). Where no storage is
 * available it keeps nothing and loads `null`.
 */
export class LocalStorageAlertPreferences implements AlertPreferencesStorage {
  /** @param prefix key prefix (default {@link ALERT_PREFERENCES_KEY}) */
  constructor(private readonly prefix = ALERT_PREFERENCES_KEY) {}

  private get storage(): Storage | null {
    try {
      return (globalThis as { localStorage?: Storage }).localStorage ?? null;
    } catch {
      return null;
    }
  }

  load(agentId: string): AlertPreferences | null {
    try {
      const raw = this.storage?.getItem(this.prefix + agentId);
      return raw ? toAlertPreferences(JSON.parse(raw)) : null;
    } catch {
      return null;
    }
  }

  save(agentId: string, preferences: AlertPreferences): void {
    try {
      this.storage?.setItem(this.prefix + agentId, JSON.stringify(toAlertPreferences(preferences)));
    } catch {
      // A full or blocked storage loses the preference, never the screen.
    }
  }
}

/** A storage in memory (tests, stories, hosts that keep nothing across reloads). */
export class MemoryAlertPreferences implements AlertPreferencesStorage {
  private readonly values = new Map<string, AlertPreferences>();

  load(agentId: string): AlertPreferences | null {
    return this.values.get(agentId) ?? null;
  }

  save(agentId: string, preferences: AlertPreferences): void {
    this.values.set(agentId, toAlertPreferences(preferences));
  }
}
