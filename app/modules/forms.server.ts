/** True when the hidden honeypot field was filled in: a bot, answered as if all went well. */
export function honeypotFilled(formData: FormData) {
  const value = formData.get('website');
  return typeof value === 'string' && value.length > 0;
}

export function minutesFrom(seconds: number) {
  return Math.max(1, Math.ceil(seconds / 60));
}
