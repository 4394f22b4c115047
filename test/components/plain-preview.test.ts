import { expect } from '@open-wc/testing';
import { plainPreview } from '../../src/components/message-text/plain-preview.js';

describe('plainPreview (one-line previews of message text)', () => {
  it('drops the markers of bold, italic, strike-through and code, and keeps a link\'s text', () => {
    expect(plainPreview('Zie **dit** en [link](https://example.com/a?b=1)')).to.equal('Zie dit en link');
    expect(plainPreview('*italic*, _under_, __strong__, ~~gone~~ and `code *x*`')).to.equal('italic, under, strong, gone and code *x*');
    expect(plainPreview('Mail [us](mailto:help@example.com) or see <https://example.com/faq>')).to.equal('Mail us or see https://example.com/faq');
    expect(plainPreview('[**bold** label](https://example.com)')).to.equal('bold label');
  });

  it('drops headings, quotes, list markers, task boxes and code fences, and makes one line', () => {
    expect(plainPreview('# Order\n> you wrote\n- first\n- [x] done\n2. second\n\n```\nlet a = 1;\n```')).to.equal(
      'Order you wrote first done second let a = 1;',
    );
    expect(plainPreview('Hello\n\n  there  ')).to.equal('Hello there');
  });

  it('keeps what is not markup as written: snake_case, arithmetic, escapes, bare addresses', () => {
    expect(plainPreview('file_name_v2 and 2 * 3 * 4')).to.equal('file_name_v2 and 2 * 3 * 4');
    expect(plainPreview('\\*not bold\\* and \\[not a link\\](x)')).to.equal('*not bold* and [not a link](x)');
    expect(plainPreview('see https://example.com/a_b_c or mail a@b.example')).to.equal('see https://example.com/a_b_c or mail a@b.example');
    expect(plainPreview('**unclosed and [cut](https://exa…')).to.equal('**unclosed and [cut](https://exa…');
  });

  it('hostile input: HTML, images and unsafe links stay literal text', () => {
    expect(plainPreview('<img src=x onerror="window.__xss=1"> **hi**')).to.equal('<img src=x onerror="window.__xss=1"> hi');
    expect(plainPreview('<script>alert(1)</script>')).to.equal('<script>alert(1)</script>');
    expect(plainPreview('[click](javascript:alert(1))')).to.equal('[click](javascript:alert(1))');
    expect(plainPreview('[click](javascript:void0) and [data](data:text/html,x)')).to.equal('[click](javascript:void0) and [data](data:text/html,x)');
    expect(plainPreview('![pic](https://example.com/p.png)')).to.equal('![pic](https://example.com/p.png)');
    expect(plainPreview('&lt;b&gt; `<b>`')).to.equal('&lt;b&gt; <b>');
    // Nested and unbalanced markers, and a very long text, are read in bounded time and stay text.
    expect(plainPreview('**a *b [c](https://example.com) d* e**')).to.equal('a b c d e');
    const long = `${'*'.repeat(20_000)}x${'_['.repeat(20_000)}`;
    expect(plainPreview(long).length).to.be.at.most(1001);
  });
});
