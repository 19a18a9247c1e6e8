import { describe, expect, it } from 'vitest';
import { placeholdersOf, wordingProblems, wordingToStore } from './email-wording.ts';
import { BUILT_IN_TEMPLATES } from './templates.ts';

describe('email wording', () => {
  it('knows the placeholders each email fills in', () => {
    expect(placeholdersOf('meeting_invitation')).toEqual(expect.arrayContaining(['recipientName', 'when', 'where', 'service', 'contact']));
    expect(placeholdersOf('safeguarding_alert')).not.toContain('where');
    expect(placeholdersOf('agreement_signing_link')).toEqual(['service', 'recipientName', 'link', 'until']);
    expect(placeholdersOf('agreement_copy')).toEqual(['service', 'recipientName', 'reference', 'link', 'until']);
    expect(placeholdersOf('follow_up_check_in')).toEqual(['service', 'recipientName', 'link', 'days']);
    expect(placeholdersOf('feedback_survey')).toEqual(['service', 'recipientName', 'link', 'days']);
    expect(wordingProblems('feedback_survey', { subject: 'How did it go?', body: 'Tell us: {link} by {until}' }).body).toBe(
      'This email does not know {until}. Use only {service}, {recipientName}, {link}, {days}',
    );
  });

  it('refuses an empty subject, an over-long message and a placeholder the email does not know', () => {
    expect(wordingProblems('meeting_invitation', { subject: ' ', body: 'x'.repeat(5001) })).toEqual({
      subject: 'Enter the subject',
      body: 'The message must be 5000 characters or fewer',
    });
    const unknown = wordingProblems('safeguarding_alert', { subject: 'Alert on {caseReference}', body: 'Disclosed: {disclosed} at {where}' });
    expect(unknown.body).toMatch(/^This email does not know \{disclosed\}, \{where\}\. Use only \{caseReference\}, \{recipientName\}, \{when\}, \{link\}$/);
    expect(unknown.subject).toBeUndefined();
  });

  it('stores nothing for the built-in wording, and the trimmed text otherwise', () => {
    const builtIn = BUILT_IN_TEMPLATES.meeting_reminder;
    expect(wordingToStore('meeting_reminder', { subject: ` ${builtIn.subject} `, body: builtIn.body.replace(/\n/g, '\r\n') })).toBeUndefined();
    expect(wordingToStore('meeting_reminder', { subject: ' See you {when} ', body: 'Hello {recipientName}\r\n' })).toEqual({
      subject: 'See you {when}',
      body: 'Hello {recipientName}',
    });
  });
});
