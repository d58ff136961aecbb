import { escapeHtml, type EmailMessage } from './email-outbox.js';

/** The two account emails: an invitation and a password reset, each with one link. */

export function inviteEmail(input: { to: string; name: string; organization: string; invitedBy: string; link: string; days: number }): EmailMessage {
  const subject = `${input.invitedBy} invited you to ${input.organization} on Loopwise`;
  const intro = `Hi ${input.name}, ${input.invitedBy} invited you to join ${input.organization} on Loopwise, where your team schedules interviews.`;
  const action = `Set your password to get started (the link works once, for ${input.days} days):`;
  return {
    to: input.to,
    subject,
    template: 'user.invite',
    text: `${intro}\n\n${action}\n${input.link}\n\nIf you did not expect this, you can ignore this email.\n`,
    html: page(intro, action, input.link, 'Set your password', 'If you did not expect this, you can ignore this email.'),
  };
}

export function passwordResetEmail(input: { to: string; name: string; organization: string; link: string; minutes: number }): EmailMessage {
  const intro = `Hi ${input.name}, someone asked to reset the password of your ${input.organization} account on Loopwise.`;
  const action = `Choose a new password here (the link works once, for ${input.minutes} minutes):`;
  const ignore = 'If it was not you, ignore this email: your password stays the same.';
  return {
    to: input.to,
    subject: 'Reset your Loopwise password',
    template: 'user.password_reset',
    text: `${intro}\n\n${action}\n${input.link}\n\n${ignore}\n`,
    html: page(intro, action, input.link, 'Reset password', ignore),
  };
}

function page(intro: string, action: string, link: string, button: string, footer: string): string {
  const href = escapeHtml(link);
  return [
    `<p>${escapeHtml(intro)}</p>`,
    `<p>${escapeHtml(action)}</p>`,
    `<p><a href="${href}">${escapeHtml(button)}</a></p>`,
    `<p>Or paste this link into your browser: ${href}</p>`,
    `<p>${escapeHtml(footer)}</p>`,
  ].join('\n');
}
