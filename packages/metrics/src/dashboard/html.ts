/** Escape text for HTML; PR titles and names are attacker-controlled. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

export const COHORT_COLOURS: Record<string, string> = {
  agent: '#e8590c',
  assisted: '#7048e8',
  unknown: '#868e96',
  human: '#1c7ed6',
  bot: '#2f9e44',
};
