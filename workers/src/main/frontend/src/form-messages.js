// form-js writes its validation messages in English only. On pages in Bahasa Indonesia this module
// rewrites them as they are produced, so errors next to fields are in the user's language.
const INDONESIAN = [
  [/^Field is required\.$/, () => 'Wajib diisi.'],
  [/^Field must have minimum length of (\d+)\.$/, (m) => `Minimal ${m[1]} karakter.`],
  [/^Field must have maximum length of (\d+)\.$/, (m) => `Maksimal ${m[1]} karakter.`],
  [/^Field must have minimum value of (.+)\.$/, (m) => `Paling kecil ${m[1]}.`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `Paling besar ${m[1]}.`],
  [/^Value is not a number\.$/, () => 'Harus berupa angka.'],
  [/^Value is expected to be an integer\.$/, () => 'Harus bilangan bulat.'],
  [/^Field must be a valid email\.$/, () => 'Alamat email tidak valid.'],
  [/^Field must match pattern .*$/, () => 'Format tidak sesuai.']
];

function toIndonesian(message) {
  for (const [pattern, replace] of INDONESIAN) {
    const match = pattern.exec(message);
    if (match) return replace(match);
  }
  return message;
}

function LocalizedValidation(validator) {
  const lang = (document.documentElement.lang || 'id').toLowerCase();
  if (!lang.startsWith('id')) return;
  for (const method of ['validateField', 'validateFieldInstance']) {
    const original = validator[method].bind(validator);
    validator[method] = (...args) => original(...args).map(toIndonesian);
  }
}
LocalizedValidation.$inject = ['validator'];

export const localizedValidationModule = {
  __init__: ['localizedValidation'],
  localizedValidation: ['type', LocalizedValidation]
};
