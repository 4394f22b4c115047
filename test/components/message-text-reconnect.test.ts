import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { loadMarkdown, markdownLoader, renderMessageText } from '../../src/components/message-text/message-text.js';

// Its own file, so its own page: here nothing has loaded the markdown parser before this test.

describe('message text: the parser arriving while a text is out of the page', () => {
  it('upgrades the text when it is back in the page, without a new render', async () => {
    const realLoad = markdownLoader.load;
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    markdownLoader.load = () => gate.then(() => realLoad());
    const el = document.createElement('div');
    document.body.append(el);
    try {
      const part = render(renderMessageText('**Kept** row'), el);
      expect(el.querySelector('strong')).to.equal(null);
      expect(el.textContent).to.equal('**Kept** row');
      part.setConnected(false);
      open();
      await loadMarkdown();
      await new Promise((r) => setTimeout(r, 0));
      expect(el.querySelector('strong'), 'not changed while out of the page').to.equal(null);
      part.setConnected(true);
      expect(el.querySelector('strong')?.textContent).to.equal('Kept');
      expect(el.textContent).to.equal('Kept row');
    } finally {
      markdownLoader.load = realLoad;
      el.remove();
    }
  });
});
