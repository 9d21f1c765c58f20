import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { insertRecordLine, nameForOrigin, offsetAfterRecord, originAt } from '../../../server/src/language/checks/mail/insertRecord';
import { parse } from './helpers';

describe('inserting record lines', () => {
  const text = '$ORIGIN example.com.\n$TTL 1h\n@ IN SOA ns1 h 1 2 3 4 5\nwww IN A 192.0.2.1\n    IN AAAA 2001:db8::1\n$ORIGIN sub.example.com.\nhost IN A 192.0.2.2\n';
  const zone = parse(text, 'example.com.');

  test('the $ORIGIN in force at an offset', () => {
    assert.equal(originAt(zone, 0), 'example.com.');
    assert.equal(originAt(zone, text.indexOf('host')), 'sub.example.com.');
    assert.equal(nameForOrigin('a.sub.example.com.', 'sub.example.com.'), 'a');
    assert.equal(nameForOrigin('example.com.', 'example.com.'), '@');
    assert.equal(nameForOrigin('mail.example.net.', 'example.com.'), 'mail.example.net.');
  });

  test('never between a record and a following line that inherits its owner', () => {
    const www = zone.at('www.example.com.', 'A')[0];
    assert.equal(offsetAfterRecord(zone, www), null);
    const aaaa = zone.at('www.example.com.', 'AAAA')[0];
    assert.equal(offsetAfterRecord(zone, aaaa), text.indexOf('$ORIGIN sub'));
    const edit = insertRecordLine(zone, 'mail.example.com.', 'IN A 192.0.2.25', www);
    assert.equal(edit.start, text.length, 'falls back to the end of the file');
    assert.equal(edit.newText, 'mail.example.com. IN A 192.0.2.25\n');
  });
});
