import { describe, expect, it } from 'vitest';
import { detectLanguage, normaliseLangTag } from '../../lib/language';

// Sentences written by the team for these tests.
const EN =
  'We collect the information you give us when you create an account, and we use it to provide the service to you.';
const FR =
  'Nous collectons les informations que vous nous donnez lorsque vous créez un compte et nous les utilisons pour fournir le service.';
const DE =
  'Wir erheben die Daten, die Sie uns bei der Registrierung geben, und wir verwenden sie, um den Dienst für Sie bereitzustellen.';
const ES =
  'Recopilamos los datos que usted nos proporciona cuando crea una cuenta y los usamos para prestar el servicio con su permiso.';
const IT =
  'Raccogliamo i dati che ci fornisci quando crei un account e li usiamo per fornire il servizio, non per altri scopi della società.';
const NL =
  'Wij verzamelen de gegevens die u ons geeft wanneer u een account aanmaakt en wij gebruiken deze voor het leveren van de dienst.';
const SV =
  'Vi samlar in de uppgifter som du ger oss när du skapar ett konto och vi använder dem för att tillhandahålla tjänsten till dig.';

describe('detectLanguage', () => {
  it.each([
    ['en', EN],
    ['fr', FR],
    ['de', DE],
    ['es', ES],
    ['it', IT],
    ['nl', NL],
    ['sv', SV],
  ])('recognises %s', (lang, text) => {
    expect(detectLanguage(`${text} ${text}`).language).toBe(lang);
  });

  it('recognises right-to-left and non-Latin scripts', () => {
    expect(
      detectLanguage('نحن نجمع المعلومات التي تقدمها لنا عند إنشاء حساب ونستخدمها لتقديم الخدمة').language,
    ).toBe('ar');
    expect(detectLanguage('אנו אוספים את המידע שאתה מספק לנו כאשר אתה יוצר חשבון ומשתמשים בו').language).toBe(
      'he',
    );
    expect(
      detectLanguage('Мы собираем информацию, которую вы предоставляете при создании учётной записи')
        .language,
    ).toBe('ru');
    expect(
      detectLanguage('お客様がアカウントを作成する際に提供する情報を収集し、サービスの提供に使用します')
        .language,
    ).toBe('ja');
  });

  it('returns "und" for too little text without a hint, and the hint when the text is inconclusive', () => {
    expect(detectLanguage('OK').language).toBe('und');
    expect(detectLanguage('', null).basis).toBe('none');
    expect(detectLanguage('Cookie _ga 2 years', 'en-GB')).toMatchObject({ language: 'en', basis: 'hint' });
  });

  it('lets clear text override a wrong lang attribute', () => {
    expect(detectLanguage(`${EN} ${EN}`, 'fr').language).toBe('en');
  });

  it('ignores domains and identifiers (".com" is not Portuguese "com")', () => {
    const table = Array.from({ length: 50 }, (_, i) => `cookie_${i} chatgpt.com 30 days`).join(' ');
    expect(detectLanguage(`${table} ${EN}`).language).toBe('en');
  });

  it('mixed text goes to the dominant language', () => {
    expect(detectLanguage(`${EN} ${EN} ${EN} ${FR}`).language).toBe('en');
  });
});

describe('normaliseLangTag', () => {
  it('keeps the primary subtag', () => {
    expect(normaliseLangTag('en-GB')).toBe('en');
    expect(normaliseLangTag('EN_us')).toBe('en');
    expect(normaliseLangTag('no')).toBe('nb');
    expect(normaliseLangTag('')).toBeNull();
    expect(normaliseLangTag(null)).toBeNull();
  });
});
