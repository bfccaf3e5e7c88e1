// Türkçe. Nitelikli bir çevirmen kontrol edene kadar `ungeprüft` kalır.
import type { PersonTexts } from './person-texts';

export const texts: PersonTexts = {
  language: 'tr',
  name: 'Türkçe',
  review: 'ungeprüft',
  version: '2026-11',
  labels: {
    controllerMissing: '[Sorumlu kurum: ekip tarafından henüz girilmedi]',
    dpoMissing: '[Veri koruma görevlisi: ekip tarafından henüz girilmedi]',
    placeDate: 'Yer, tarih',
    signaturePerson: 'Kişinin imzası',
    signatureStaff: 'Katılım danışmanlığı imzası',
    interpreter: 'Tercüme eden (ad, dil)',
    version: 'Metin sürümü',
  },
  info: {
    title: 'Veri koruma hakkında bilgiler',
    sections: [
      {
        heading: 'Sorumlu kim?',
        paragraphs: [
          'Verilerinizden sorumlu kurum: {controller}.',
          'Veri koruma görevlisine buradan ulaşabilirsiniz: {dpo}.',
        ],
      },
      {
        heading: 'Verilerinizi neden kaydediyoruz?',
        paragraphs: [
          'Katılım danışmanlığı (Teilhabemanagement) dil kursu, okul, meslek eğitimi ve iş yolunda size danışmanlık yapar ve eşlik eder. Bunun için danışmanlıkta gereken bilgileri kaydederiz: ad ve iletişim bilgileri, doğum tarihi, köken ve diller, oturum durumu, okul, eğitim ve iş, hedefleriniz ve ihtiyaçlarınız, randevular, görüşme notları ve onaylarınız.',
          'Verileri bir ortak kuruma iletmemiz, durumunuzu bir vaka konferansında konuşmamız, size bir mesajlaşma uygulamasıyla yazmamız veya bilgilerinizi adınız olmadan istatistiklerde saymamız için açık onayınız gerekir.',
        ],
      },
      {
        heading: 'Hangi hukuki dayanakla?',
        legalBasis: true,
        paragraphs: [
          'Sağlığınızla ilgili bilgileri yalnızca açık onayınızla kaydederiz (GVKY md. 9 f. 2 a).',
        ],
      },
      {
        heading: 'Verilerinizi kim alır?',
        paragraphs: [
          'Verilerinizi yalnızca ekibinizdeki katılım danışmanları görür. Veriler sorumlu kurumun Avrupa Birliği içindeki bir sunucusunda saklanır.',
          'Verileri başka kurumlara (örneğin Jobcenter, yabancılar dairesi, okul veya kurs sağlayıcı) yalnızca o kurum için onay verdiyseniz ya da yasa gerektiriyorsa iletiriz.',
        ],
      },
      {
        heading: 'Verilerinizi ne kadar saklıyoruz?',
        paragraphs: [
          'Size eşlik ettiğimiz sürece. Destek bittikten sonra, gerekirse size yeniden yardım edebilmek için dosyanızı {years} yıl saklarız. Sonra silinir. İsterseniz, yasa saklamayı gerektirmiyorsa daha erken sileriz.',
        ],
      },
      {
        heading: 'Haklarınız',
        paragraphs: [
          'Hakkınızda hangi verileri sakladığımızı her zaman sorabilir ve bir kopyasını alabilirsiniz (GVKY md. 15). Yanlış verileri düzelttirebilir (md. 16), sildirebilir (md. 17) veya işlenmesini kısıtlatabilirsiniz (md. 18). Verilerinizi yaygın bir formatta alabilir (md. 20) ve işlenmesine itiraz edebilirsiniz (md. 21).',
          'Bir onayı her zaman sözlü veya yazılı olarak geri alabilirsiniz. O zamana kadar yapılanlar hukuka uygun kalır.',
          'Otomatik kararlar yoktur: desteğiniz hakkında insanlar karar verir.',
        ],
      },
      {
        heading: 'Şikâyet',
        paragraphs: [
          'Verilerinizi yanlış kullandığımızı düşünüyorsanız şuraya şikâyette bulunabilirsiniz: Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen (LDI NRW), Kavalleriestraße 2–4, 40213 Düsseldorf, Almanya, telefon +49 211 38424-0, e-posta poststelle@ldi.nrw.de.',
        ],
      },
    ],
    legalBasisConsent:
      'Verilerinizi yalnızca onayınızla kaydederiz (GVKY md. 6 f. 1 a). Onay gönüllüdür.',
    legalBasisPublicTask:
      'Verilerinizi, danışmanlık kamu yararına bir görev olduğu için kaydederiz (GVKY md. 6 f. 1 e ile Kuzey Ren-Vestfalya Veri Koruma Yasası §\u00a03). Veri iletimi, vaka konferansları, mesajlaşma ve istatistikler için yine de onayınızı isteriz.',
  },
  consents: {
    store_data: {
      title: 'Onay: verilerimin kaydedilmesi',
      paragraphs: [
        'Katılım danışmanlığının ({controller}) bana danışmanlık yapmak ve eşlik etmek için bilgilerimi kaydetmesini ve kullanmasını kabul ediyorum: iletişim bilgileri, köken ve diller, oturum durumu, okul, eğitim ve iş, hedefler ve ihtiyaçlar, randevular ve görüşme notları.',
        'Verilerim desteğin bitiminden sonra {years} yıla kadar saklanır ve sonra silinir.',
      ],
    },
    share_with_partner: {
      title: 'Onay: bir ortak kuruma iletim',
      paragraphs: [
        'Katılım danışmanlığının işaretlenen bilgileri şu kuruma iletmesini kabul ediyorum: {partner}.',
        'Amaç: bu kurum beni bir programa almalı veya bu konuda desteklemelidir. Aldığı verilerin korunmasından kendisi sorumludur.',
        'Bilgiler: ☐ ad ☐ doğum tarihi ☐ iletişim bilgileri ☐ diller ☐ Almanca seviyesi ☐ oturum ☐ okul ve diplomalar ☐ ihtiyaç ☐ yönlendirme nedeni',
      ],
    },
    case_conference: {
      title: 'Onay: vaka konferansı',
      paragraphs: [
        'Durumumun şu kurumlarla bir vaka konferansında konuşulmasını kabul ediyorum: {partner}.',
        'Yalnızca desteğim için gerekli olanlar konuşulur. Vaka konferansına katılabilirim.',
      ],
    },
    messenger: {
      title: 'Onay: mesajlaşma uygulamasıyla iletişim',
      paragraphs: [
        'Katılım danışmanlığının benimle bir mesajlaşma uygulaması (örneğin WhatsApp veya Signal) üzerinden, örneğin randevu ayarlamak için iletişime geçmesini kabul ediyorum.',
        'Not: uygulamanın sağlayıcısı kimin kime ne zaman yazdığını görebilir ve bu verileri AB dışında işleyebilir. Lütfen uygulama üzerinden sağlık bilgisi veya kimlik numarası göndermeyin.',
      ],
    },
    reporting: {
      title: 'Onay: isimsiz istatistik',
      paragraphs: [
        'Bilgilerimin katılım danışmanlığının rapor ve istatistiklerinde adım olmadan sayılmasını kabul ediyorum (örneğin kaç kişinin dil kursuna başladığı).',
        'Tek tek kişilerin tanınabileceği küçük gruplar gösterilmez.',
      ],
    },
  },
  consentFooter: [
    'Onay gönüllüdür. Onay vermezsem, hakkım olan hizmetlerde hiçbir dezavantaj yaşamam.',
    'Bu onayı her zaman sözlü veya yazılı olarak katılım danışmanlığına bildirerek geri alabilirim. Geri almaya kadar yapılanlar hukuka uygun kalır.',
    'Veri koruma hakkındaki bilgileri aldım.',
  ],
};
