/**
 * Where the dashboard's channel selection is kept per agent, so it survives a reload. The host may
 * pass its own (e.g. the CRM's user preferences) as `ChatServiceOptions.selectionStorage`.
 * `null` means "all channels" (the default).
 */
export interface ChannelSelectionStorage {
  /**
   * The stored selection of an agent: channel ids, or `null` for all channels / nothing stored.
   * May return a promise (a host storage on a server).
   */
  load(agentId: string): readonly string[] | null | Promise<readonly string[] | null>;
  /** Keep the selection of an agent (`null` = all channels). Failures must not throw. */
  save(agentId: string, channelIds: readonly string[] | null): void | Promise<void>;
}

/** Key prefix of {@link LocalStorageChannelSelection}: `chat-screen:channels:<agentId>`. */
export const CHANNEL_SELECTION_KEY = 'chat-screen:channels:';

/**
 * The default storage: the browser's `localStorage` (JSON array of ids per agent). Where no
 * storage is available (private mode quota, server rendering) it keeps nothing and loads `null`.
 */
export class LocalStorageChannelSelection implements ChannelSelectionStorage {
  /** @param prefix key prefix (default {@link CHANNEL_SELECTION_KEY}) */
  constructor(private readonly prefix = CHANNEL_SELECTION_KEY) {}

  private get storage(): Storage | null {
    try {
      return (globalThis as { localStorage?: Storage }).localStorage ?? null;
    } catch {
      return null;
    }
  }

  load(agentId: string): readonly string[] | null {
    try {
      const raw = this.storage?.getItem(this.prefix + agentId);
      if (!raw) return null;
      const value: unknown = JSON.parse(raw);
      return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : null;
    } catch {
      return null;
    }
  }

  save(agentId: string, channelIds: readonly string[] | null): void {
    try {
      if (channelIds === null) this.storage?.removeItem(this.prefix + agentId);
      else this.storage?.setItem(this.prefix + agentId, JSON.stringify(channelIds));
    } catch {
      // A full or blocked storage loses the preference, never the screen.
    }
  }
}

/** A storage in memory (tests, stories, hosts that keep nothing). */
export class MemoryChannelSelection implements ChannelSelectionStorage {
  private readonly values = new Map<string, readonly string[] | null>();

  load(agentId: string): readonly string[] | null {
    return this.values.get(agentId) ?? null;
  }

  save(agentId: string, channelIds: readonly string[] | null): void {
    this.values.set(agentId, channelIds ? [...channelIds] : null);
  }
}
