import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { ChatScreen } from '../../src/components/chat-screen/chat-screen.js';
import type { ChatSessionList } from '../../src/components/chat-session-list/chat-session-list.js';
import { byRole, deepQuery, mount, openConversation, queryByRole, settle, setup, waitUntil } from '../helpers.js';

/** sRGB channels (0–255) of a computed colour: `rgb(…)`, `rgba(…)` or `color(srgb …)` (opaque colours only). */
function channels(colour: string): [number, number, number] {
  const srgb = /^color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)\)$/.exec(colour);
  if (srgb) return [Number(srgb[1]) * 255, Number(srgb[2]) * 255, Number(srgb[3]) * 255];
  const rgb = /^rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:[,/] ?([\d.]+))?\)$/.exec(colour);
  if (!rgb) throw new Error(`cannot read the colour ${colour}`);
  if (rgb[4] !== undefined && Number(rgb[4]) !== 1) throw new Error(`not opaque: ${colour}`);
  return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
}

/** WCAG 2 contrast ratio of two opaque computed colours. */
function contrast(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [r, g, bl] = channels(colour).map((v) => {
      const c = v / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** The switch's track and thumb colours once its transitions are over. */
function switchColours(presence: HTMLElement): { track: string; thumb: string; header: string } {
  for (const animation of [...presence.getAnimations({ subtree: true })]) animation.finish();
  const thumb = presence.querySelector('.thumb')!;
  return {
    track: getComputedStyle(presence).backgroundColor,
    thumb: getComputedStyle(thumb).backgroundColor,
    header: getComputedStyle(presence.closest('.header')!).backgroundColor,
  };
}

/**
 * Text contrast (axe, WCAG AA 4.5:1) in both themes. The library switches theme by the host's
 * `color-scheme` (tokens use `light-dark()`); here the page's root sets it, as a dark host page would.
 */
for (const scheme of ['light', 'dark'] as const) {
  describe(`contrast in the ${scheme} theme`, () => {
    beforeEach(() => {
      document.documentElement.style.colorScheme = scheme;
    });
    afterEach(() => {
      document.documentElement.style.colorScheme = '';
    });

    it(`Present / Away switch: the thumb keeps 3:1 against the track, and the track against the header, Present and Away (${scheme})`, async () => {
      const { service } = await setup();
      const el = await mount<ChatScreen>(service, html`<chat-screen></chat-screen>`);
      for (const state of ['true', 'false']) {
        const presence = byRole(el, 'switch', 'Present');
        if (presence.getAttribute('aria-checked') !== state) {
          presence.click();
          await waitUntil(() => byRole(el, 'switch', 'Present').getAttribute('aria-checked') === state, `aria-checked ${state}`);
          await settle(el);
        }
        const { track, thumb, header } = switchColours(byRole(el, 'switch', 'Present'));
        expect(contrast(thumb, track), `thumb ${thumb} on track ${track} (checked ${state})`).to.be.at.least(3);
        expect(contrast(track, header), `track ${track} on header ${header} (checked ${state})`).to.be.at.least(3);
      }
    });

    it(`Present / Away switch: the thumb follows --chat-color-switch-thumb (${scheme})`, async () => {
      const { service } = await setup();
      const el = await mount<ChatScreen>(service, html`<chat-screen style="--chat-color-switch-thumb: rgb(1, 2, 3)"></chat-screen>`);
      expect(switchColours(byRole(el, 'switch', 'Present')).thumb).to.equal('rgb(1, 2, 3)');
    });

    it(`session list: avatars of ongoing and ended chats pass axe (${scheme})`, async () => {
      const { backend, service } = await setup();
      const names = ['Mira Okafor', 'Yusuf Demir', 'Ana Lima', 'Kenji Sato', 'Lotte de Vries', 'Zoë Haddad'];
      const ids = names.map((name) => backend.script.customerArrives({ channelId: 'sales', name, text: 'Hello' }));
      for (const id of ids) await service.answer(id);
      const el = await mount<ChatSessionList>(service, html`<chat-session-list></chat-session-list>`);
      for (const id of ids.slice(0, 3)) await service.endSession(id);
      await settle(el);
      await waitUntil(() => queryByRole(el, 'group', /Recent/), 'the ended chats under Recent');
      await expect(el).to.be.accessible();
    });

    it(`conversation: a file in the agent's bubble and the End chat dialog pass axe (${scheme})`, async () => {
      const { el, backend, id, service, clock } = await openConversation();
      const sent = service.attachFiles(id, [new File([new Uint8Array(2048)], 'invoice.pdf', { type: 'application/pdf' })]);
      await clock.advance(1000);
      await sent;
      await settle(el);
      await waitUntil(() => deepQuery(el, '.row.agent .file-size'), 'the file in the agent bubble');
      await expect(el).to.be.accessible();

      backend.script.customerWrites(id, 'Are you still there?');
      await settle(el);
      byRole(el, 'button', 'End chat').click();
      await waitUntil(() => queryByRole(el, 'alertdialog', 'End this chat?'), 'the confirmation');
      await settle(el);
      byRole(el, 'button', 'End chat now');
      await expect(el).to.be.accessible();
    });
  });
}
