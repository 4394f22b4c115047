import { expect } from '@open-wc/testing';
import { discover, loadAll, startAutoloader } from '../src/autoloader.js';

// This file imports the autoloader alone, NOT src/define.js (nor test/helpers.ts, which imports
// it): each test file runs in its own page, so here a tag is defined only when the autoloader (or
// discover / loadAll) fetched its code. The tests run in order and each uses tags still undefined.

const defined = (tag: string) => customElements.get(tag) !== undefined;

const added: Element[] = [];
function add<T extends Element>(el: T): T {
  document.body.append(el);
  added.push(el);
  return el;
}

describe('CDN autoloader', function () {
  // The first load of an element compiles its whole module tree in the test server.
  this.timeout(30_000);

  before(() => {
    expect(['chat-screen', 'chat-dashboard', 'chat-session-list', 'chat-conversation', 'chat-person-panel'].filter(defined)).to.deep.equal([]);
    // A tag already in the document when the autoloader starts (the initial scan).
    add(document.createElement('chat-dashboard')).hidden = true;
    startAutoloader();
  });

  after(() => {
    for (const el of added) el.remove();
  });

  it('defines a chat tag that was in the document when it started', async () => {
    await customElements.whenDefined('chat-dashboard');
    expect(defined('chat-session-list')).to.equal(false);
  });

  it('defines a chat tag added to the document later, also deep inside added markup', async () => {
    const wrapper = add(document.createElement('div'));
    wrapper.hidden = true;
    const inner = document.createElement('section');
    inner.append(document.createElement('chat-session-list'));
    wrapper.append(inner);
    await customElements.whenDefined('chat-session-list');
    expect(wrapper.querySelector('chat-session-list')!.shadowRoot).to.exist;
  });

  it('does not see into a shadow root until discover(root), then defines its tags and those added to it later', async () => {
    const host = add(document.createElement('div'));
    host.hidden = true;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<chat-conversation></chat-conversation>';
    // Its defined state is checked right after discover() resolves, not after a wait.
    await discover(shadow);
    expect(defined('chat-conversation')).to.equal(true);
    expect(shadow.querySelector('chat-conversation')!.shadowRoot).to.exist;

    shadow.append(document.createElement('chat-person-panel'));
    await customElements.whenDefined('chat-person-panel');
  });

  it('loadAll() defines every element (the CDN entry defines <chat-provider> itself)', async () => {
    expect(defined('chat-screen')).to.equal(false);
    await loadAll();
    const tags = ['chat-screen', 'chat-dashboard', 'chat-session-list', 'chat-conversation', 'chat-person-panel'];
    expect(tags.filter(defined)).to.deep.equal(tags);
  });
});
