// The layout puts Spring Security's CSRF token in two meta tags; every state-changing fetch sends it.
export function csrfHeaders() {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  return token && header ? { [header.content]: token.content } : {};
}
