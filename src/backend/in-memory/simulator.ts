import type { Subscription } from 'rxjs';
import type { BackendEvent } from '../adapter.js';
import { AGENT_LINES, DIALOGUES, type Dialogue } from './data/dialogues.js';
import { Random } from './random.js';
import type { ChatStore } from './store.js';
import { TimerBag } from './timers.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Limits that keep a demo left running sane. */
const MAX_QUEUED = 6;
const MAX_OPEN = 14;
const MAX_CHATS_PER_COLLEAGUE = 3;

const TRANSFER_NOTES = [
  'Could you take this one? I have to leave for a meeting.',
  'This is about billing, you know more about that than I do.',
  'Kun jij deze overnemen? Ik zit vol.',
  'Customer asks for a quote, can you help?',
];

/** The simulator's bookkeeping for one session it plays. */
interface Play {
  readonly dialogue: Dialogue;
  /** Index of the customer's next line. */
  next: number;
  customerTimer?: unknown;
  agentTimer?: unknown;
  leaving: boolean;
}

/**
 * Plays the demo world on the store's clock with a seeded generator: a lived-in start (queue,
 * colleagues' chats, the current agent's own and recent chats), then arriving customers who type and
 * write their dialogue lines, colleagues who answer and reply, customers who leave, and now and then
 * a colleague's chat transferred to the current agent. It only acts for agents without an adapter.
 */
export class Simulator {
  private readonly random: Random;
  private readonly timers: TimerBag;
  private readonly plays = new Map<string, Play>();
  private readonly deciding = new Set<string>();
  private subscription?: Subscription;

  /**
   * @param store the shared state to play on
   * @param agentId the current agent (receives transfers; owns the seeded "my" chats)
   */
  constructor(
    private readonly store: ChatStore,
    private readonly agentId: string,
  ) {
    this.random = new Random(store.seed);
    this.timers = new TimerBag(store.clock);
  }

  /** Timers the simulator has waiting. */
  get pendingTimers(): number {
    return this.timers.size;
  }

  /** Seed the lived-in start and begin playing. */
  start(): void {
    this.seedWorld();
    this.subscription = this.store.changes$.subscribe((event) => this.onEvent(event));
    for (const sessionId of this.plays.keys()) this.resume(sessionId);
    this.later(this.random.int(3 * SECOND, 6 * SECOND), () => this.arrivalLoop());
    this.later(this.random.int(3 * MINUTE, 6 * MINUTE), () => this.transferLoop());
  }

  /** Stop playing: no more timers or reactions. */
  stop(): void {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    this.timers.clearAll();
    this.plays.clear();
  }

  // ---------------------------------------------------------------- helpers

  private later(ms: number, fn: () => void): unknown {
    return this.timers.set(() => {
      // A rule may have changed meanwhile (someone answered, the chat ended): skip quietly.
      try {
        fn();
      } catch {
        /* the world moved on */
      }
    }, ms);
  }

  private isColleague(agentId: string | null): agentId is string {
    return agentId !== null && agentId !== this.agentId && !this.store.isClient(agentId);
  }

  private colleaguesFor(channelId: string): string[] {
    const load = new Map<string, number>();
    for (const s of this.store.allSessions()) {
      if (s.status === 'ongoing' && s.agentId) load.set(s.agentId, (load.get(s.agentId) ?? 0) + 1);
    }
    return this.store
      .allAgents()
      .filter((a) => this.isColleague(a.id) && a.presence === 'present' && a.rights[channelId]?.respond)
      .filter((a) => (load.get(a.id) ?? 0) < MAX_CHATS_PER_COLLEAGUE)
      .map((a) => a.id);
  }

  private agentLine(play: Play): string {
    const lines = AGENT_LINES[play.dialogue.language];
    const done = play.next >= play.dialogue.lines.length;
    return done ? lines[lines.length - 2 + this.random.int(0, 1)] : lines[this.random.int(0, lines.length - 3)];
  }

  // ---------------------------------------------------------------- the lived-in start

  private seedWorld(): void {
    const now = this.store.now();
    const pool = this.random.shuffle(DIALOGUES);
    const take = (ok: (d: Dialogue) => boolean = () => true): Dialogue | undefined => {
      const index = pool.findIndex(ok);
      return index < 0 ? undefined : pool.splice(index, 1)[0];
    };
    const plan: { start: number; run: () => void }[] = [];
    const me = this.agentId;
    // The current agent only ever had chats on channels where they may respond.
    const mayRespond = (d: Dialogue): boolean => this.store.agent(me).rights[d.channelId]?.respond === true;

    // The current agent's recently ended chats; the oldest drops off the 8-hour list in ~10 minutes.
    for (const endedAgo of [7 * HOUR + 50 * MINUTE, 5 * HOUR, 2 * HOUR + 10 * MINUTE, 45 * MINUTE]) {
      const dialogue = take(mayRespond);
      if (!dialogue) break;
      const end = now - endedAgo;
      const start = end - this.random.int(8, 15) * MINUTE;
      const byCustomer = this.random.chance(0.4);
      plan.push({
        start,
        run: () => {
          const id = this.pastChat(dialogue, me, start, 2);
          this.store.markRead(me, id, this.store.session(id).lastSeq);
          if (byCustomer) this.store.customerLeaves(id, end);
          else this.store.endSession(me, id, end);
          const match = this.store.personCandidates(this.store.session(id).customer).find((c) => c.matchedOn === 'email');
          if (match) this.store.linkPerson(me, id, match.person.id);
        },
      });
    }
    // Missed chats earlier today.
    for (const ago of [3 * HOUR, 50 * MINUTE]) {
      const dialogue = take();
      if (!dialogue) break;
      const start = now - ago;
      plan.push({
        start,
        run: () => {
          const id = this.arrive(dialogue, start);
          this.store.customerLeaves(id, start + this.random.int(100, 200) * SECOND);
          this.plays.delete(id);
        },
      });
    }
    // Colleagues' ongoing chats.
    const colleagueCount = this.random.int(3, 4);
    const seededLoad = new Map<string, number>();
    for (let i = 0; i < colleagueCount; i++) {
      const dialogue = take((d) => this.colleaguesFor(d.channelId).length > 0);
      if (!dialogue) break;
      // The least busy colleague of the channel (ties at random), so the seeded chats spread out.
      const colleagues = this.random.shuffle(this.colleaguesFor(dialogue.channelId));
      const owner = colleagues.sort((a, b) => (seededLoad.get(a) ?? 0) - (seededLoad.get(b) ?? 0))[0];
      seededLoad.set(owner, (seededLoad.get(owner) ?? 0) + 1);
      const start = now - this.random.int(6, 14) * MINUTE;
      const extra = this.random.chance(0.5);
      plan.push({
        start,
        run: () => {
          const id = this.pastChat(dialogue, owner, start, 1);
          if (extra) {
            this.store.markRead(owner, id, this.store.session(id).lastSeq);
            this.store.agentWrites(owner, id, this.agentLine(this.plays.get(id)!), now - 20 * SECOND);
          }
        },
      });
    }
    // The current agent's ongoing chat with one unread customer message.
    const mine = take((d) => mayRespond(d) && d.lines.length >= 4);
    if (mine) {
      const start = now - 6 * MINUTE;
      plan.push({
        start,
        run: () => {
          const id = this.pastChat(mine, me, start, 0);
          const play = this.plays.get(id)!;
          this.store.agentWrites(me, id, this.agentLine(play), now - 3 * MINUTE);
          this.store.markRead(me, id, this.store.session(id).lastSeq);
          this.store.customerWrites(id, mine.lines[play.next++], now - 1 * MINUTE);
        },
      });
    }
    // Two customers waiting in the queue.
    for (const ago of [90 * SECOND, 35 * SECOND]) {
      const dialogue = take();
      if (!dialogue) break;
      plan.push({ start: now - ago, run: () => void this.arrive(dialogue, now - ago) });
    }
    for (const step of plan.sort((a, b) => a.start - b.start)) step.run();
    for (const sessionId of [...this.plays.keys()]) {
      const { status } = this.store.session(sessionId);
      if (status !== 'queued' && status !== 'ongoing') this.plays.delete(sessionId);
    }
  }

  /** Start playing a dialogue: the customer arrives with the first line. */
  private arrive(dialogue: Dialogue, at: number): string {
    const session = this.store.arrive(
      { channelId: dialogue.channelId, ...dialogue.customer, text: dialogue.lines[0] },
      at,
    );
    this.plays.set(session.id, { dialogue, next: 1, leaving: false });
    return session.id;
  }

  /** A chat in the past: arrival, answer (welcome), then `exchanges` rounds of agent line + customer line. */
  private pastChat(dialogue: Dialogue, agentId: string, start: number, exchanges: number): string {
    const id = this.arrive(dialogue, start);
    let t = start + this.random.int(20, 80) * SECOND;
    this.store.answer(agentId, id, t);
    const play = this.plays.get(id)!;
    t += this.random.int(20, 50) * SECOND;
    this.store.customerWrites(id, dialogue.lines[play.next++], t);
    for (let i = 0; i < exchanges && play.next < dialogue.lines.length; i++) {
      t += this.random.int(20, 60) * SECOND;
      this.store.markRead(agentId, id, this.store.session(id).lastSeq);
      this.store.agentWrites(agentId, id, this.agentLine(play), t);
      t += this.random.int(20, 60) * SECOND;
      this.store.customerWrites(id, dialogue.lines[play.next++], t);
    }
    return id;
  }

  /**
   * Keep a customer writing in an ongoing session that has no dialogue (the demo's long-running
   * chat): every 20–45 s of clock time the customer types for 1.5–3 s and writes the next of
   * `line(i)`, whether or not the agent answers, until the session is no longer ongoing.
   * @param sessionId the session
   * @param line the customer's i-th new line (i from 0)
   */
  chatter(sessionId: string, line: (i: number) => string): void {
    let i = 0;
    const next = (): void => {
      this.later(this.random.int(20 * SECOND, 45 * SECOND), () => {
        if (this.store.session(sessionId).status !== 'ongoing') return;
        this.store.customerTyping(sessionId, true);
        this.later(this.random.int(1500, 3000), () => {
          if (this.store.session(sessionId).status !== 'ongoing') return;
          this.store.customerWrites(sessionId, line(i++));
          next();
        });
      });
    };
    next();
  }

  // ---------------------------------------------------------------- reacting

  /** Pick up a played session where it stands (after seeding, or after a transfer). */
  private resume(sessionId: string): void {
    const session = this.store.session(sessionId);
    if (session.status === 'queued') {
      this.scheduleQueue(sessionId, this.store.now() - Date.parse(session.createdAt));
    } else if (session.status === 'ongoing') {
      if (session.lastMessage?.kind === 'to-customer') this.scheduleCustomerReply(sessionId);
      else if (this.isColleague(session.agentId)) this.scheduleAgentReply(sessionId);
    }
  }

  private onEvent(event: BackendEvent): void {
    if (event.type === 'message') {
      const play = this.plays.get(event.message.sessionId);
      if (!play) return;
      const session = this.store.session(event.message.sessionId);
      if (session.status !== 'ongoing') return;
      const { kind, systemEvent } = event.message;
      if (kind === 'to-customer') this.scheduleCustomerReply(session.id);
      else if (kind === 'from-customer' && this.isColleague(session.agentId)) this.scheduleAgentReply(session.id);
      else if (systemEvent === 'transfer-rejected' || systemEvent === 'transfer-cancelled') this.resume(session.id);
    } else if (event.type === 'session-updated') {
      const { session } = event;
      if (session.status === 'ended' || session.status === 'missed') {
        const play = this.plays.get(session.id);
        if (play) {
          this.timers.clear(play.customerTimer);
          this.timers.clear(play.agentTimer);
          this.plays.delete(session.id);
        }
      } else if (session.transferTo && this.isColleague(session.transferTo.toAgentId) && !this.deciding.has(session.id)) {
        this.decideTransfer(session.id, session.transferTo.toAgentId);
      }
    }
  }

  private scheduleQueue(sessionId: string, waited: number): void {
    if (this.random.chance(0.3)) {
      this.later(Math.max(5 * SECOND, this.random.int(1 * MINUTE, 4 * MINUTE) - waited), () => {
        if (this.store.session(sessionId).status === 'queued') this.store.customerLeaves(sessionId);
      });
    }
    const pickUp = (delay: number) =>
      this.later(delay, () => {
        const session = this.store.session(sessionId);
        if (session.status !== 'queued') return;
        const colleagues = this.colleaguesFor(session.channelId);
        if (colleagues.length === 0) pickUp(this.random.int(30 * SECOND, 60 * SECOND));
        else this.store.answer(this.random.pick(colleagues), sessionId);
      });
    pickUp(Math.max(5 * SECOND, this.random.int(40 * SECOND, 120 * SECOND) - waited));
  }

  /** The customer reads the agent's message, types for 1.5–4 s and writes the next line (4–15 s in all). */
  private scheduleCustomerReply(sessionId: string): void {
    const play = this.plays.get(sessionId);
    if (!play || play.customerTimer !== undefined || play.leaving) return;
    if (play.next >= play.dialogue.lines.length) {
      // The dialogue ran out: after a while the customer leaves, or a colleague closes the chat.
      play.leaving = true;
      const colleagueCloses = this.random.chance(0.5);
      play.customerTimer = this.later(this.random.int(20 * SECOND, 60 * SECOND), () => {
        const session = this.store.session(sessionId);
        if (session.status !== 'ongoing') return;
        if (colleagueCloses && this.isColleague(session.agentId) && !session.transferTo) {
          this.store.endSession(session.agentId, sessionId);
        } else {
          this.store.customerLeaves(sessionId);
        }
      });
      return;
    }
    const typing = this.random.int(1500, 4000);
    const total = this.random.int(Math.max(4000, typing + 1000), 15 * SECOND);
    play.customerTimer = this.later(total - typing, () => {
      if (this.store.session(sessionId).status !== 'ongoing') return;
      this.store.customerTyping(sessionId, true);
      play.customerTimer = this.later(typing, () => {
        play.customerTimer = undefined;
        if (this.store.session(sessionId).status !== 'ongoing') return;
        this.store.customerWrites(sessionId, play.dialogue.lines[play.next++]);
      });
    });
  }

  /** A colleague reads and replies to the customer after 8–25 s (not while handing the chat over). */
  private scheduleAgentReply(sessionId: string): void {
    const play = this.plays.get(sessionId);
    if (!play || play.agentTimer !== undefined) return;
    play.agentTimer = this.later(this.random.int(8 * SECOND, 25 * SECOND), () => {
      play.agentTimer = undefined;
      const session = this.store.session(sessionId);
      if (session.status !== 'ongoing' || !this.isColleague(session.agentId) || session.transferTo) return;
      if (session.lastMessage?.kind !== 'from-customer') return;
      this.store.markRead(session.agentId, sessionId, session.lastSeq);
      this.store.agentWrites(session.agentId, sessionId, this.agentLine(play));
    });
  }

  /** A colleague answers a transfer addressed to them after 5–20 s: mostly accept, sometimes reject. */
  private decideTransfer(sessionId: string, agentId: string): void {
    this.deciding.add(sessionId);
    this.later(this.random.int(5 * SECOND, 20 * SECOND), () => {
      this.deciding.delete(sessionId);
      const session = this.store.session(sessionId);
      if (session.transferTo?.toAgentId !== agentId) return;
      if (this.random.chance(0.75)) {
        this.store.acceptTransfer(agentId, sessionId);
        this.resume(sessionId);
      } else {
        this.store.rejectTransfer(agentId, sessionId);
      }
    });
  }

  // ---------------------------------------------------------------- loops

  private arrivalLoop(): void {
    this.tryArrival();
    this.later(this.random.int(20 * SECOND, 60 * SECOND), () => this.arrivalLoop());
  }

  private tryArrival(): void {
    const sessions = this.store.allSessions();
    const queued = sessions.filter((s) => s.status === 'queued').length;
    const open = queued + sessions.filter((s) => s.status === 'ongoing').length;
    if (queued >= MAX_QUEUED || open >= MAX_OPEN) return;
    const playing = new Set([...this.plays.values()].map((p) => p.dialogue.id));
    const choices = DIALOGUES.filter((d) => !playing.has(d.id) && this.store.channel(d.channelId).open);
    if (choices.length === 0) return;
    const id = this.arrive(this.random.pick(choices), this.store.now());
    this.scheduleQueue(id, 0);
  }

  private transferLoop(): void {
    this.tryTransferToMe();
    this.later(this.random.int(3 * MINUTE, 6 * MINUTE), () => this.transferLoop());
  }

  /** A colleague asks the current agent to take over one of their chats; cancelled if not answered in 3–4 min. */
  private tryTransferToMe(): void {
    const me = this.store.agent(this.agentId);
    if (me.presence !== 'present') return;
    const candidates = this.store
      .allSessions()
      .filter((s) => s.status === 'ongoing' && !s.transferTo && this.isColleague(s.agentId) && me.rights[s.channelId]?.respond);
    if (candidates.length === 0) return;
    const session = this.random.pick(candidates);
    const from = session.agentId!;
    this.store.requestTransfer(from, session.id, this.agentId, this.random.pick(TRANSFER_NOTES));
    this.later(this.random.int(3 * MINUTE, 4 * MINUTE), () => {
      const now = this.store.session(session.id);
      if (now.transferTo?.fromAgentId === from && now.transferTo.toAgentId === this.agentId) {
        this.store.cancelTransfer(from, session.id);
      }
    });
  }
}
