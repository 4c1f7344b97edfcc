import { describe, expect, it } from 'vitest';
import { typeKey, type FieldText } from './editText';

const caret = (value: string, at = value.length): FieldText => ({ value, selectionStart: at, selectionEnd: at });

describe('typing on the on-screen keyboard', () => {
  it('keyboard: a letter goes in at the caret and the caret moves past it', () => {
    expect(typeKey(caret('jens', 2), 'a')).toEqual(caret('jeans', 3));
    expect(typeKey(caret(''), 'ö')).toEqual(caret('ö'));
  });

  it('keyboard: a letter replaces the selected text', () => {
    expect(typeKey({ value: 'blue jeans', selectionStart: 0, selectionEnd: 4 }, 'x')).toEqual(caret('x jeans', 1));
  });

  it('keyboard: Backspace deletes the character before the caret, or the selection', () => {
    expect(typeKey(caret('jeans'), 'backspace')).toEqual(caret('jean'));
    expect(typeKey(caret('jeans', 1), 'backspace')).toEqual(caret('eans', 0));
    expect(typeKey({ value: 'jeans', selectionStart: 1, selectionEnd: 4 }, 'backspace')).toEqual(caret('js', 1));
  });

  it('keyboard: Backspace at the start or in an empty field changes nothing', () => {
    expect(typeKey(caret('', 0), 'backspace')).toEqual(caret(''));
    expect(typeKey(caret('ab', 0), 'backspace')).toEqual(caret('ab', 0));
  });

  it('keyboard: Backspace removes a whole character, never half of one', () => {
    expect(typeKey(caret('a😀'), 'backspace')).toEqual(caret('a'));
    expect(typeKey(caret('żółw'), 'backspace')).toEqual(caret('żół'));
  });

  it('keyboard: a full field refuses more, but still takes a replacement for a selection', () => {
    const full = 'x'.repeat(5);
    expect(typeKey(caret(full), 'y', 5)).toEqual(caret(full));
    expect(typeKey({ value: full, selectionStart: 4, selectionEnd: 5 }, 'y', 5)).toEqual(caret('xxxxy'));
  });

  it('keyboard: a selection or caret past the end (the field changed under it) is taken as the end', () => {
    expect(typeKey({ value: 'ab', selectionStart: 9, selectionEnd: 9 }, 'c')).toEqual(caret('abc'));
    expect(typeKey({ value: 'abc', selectionStart: 3, selectionEnd: 1 }, 'x')).toEqual(caret('ax', 2));
  });
});
