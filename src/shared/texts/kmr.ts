// Kurmancî. Heta wergêrekî/a pispor kontrol neke, rewş `ungeprüft` dimîne.
import type { PersonTexts } from './person-texts';

export const texts: PersonTexts = {
  language: 'kmr',
  name: 'Kurmancî',
  review: 'ungeprüft',
  version: '2026-11',
  labels: {
    controllerMissing: '[Saziya berpirsiyar: tîmê hêj nenivîsandiye]',
    dpoMissing: '[Berpirsiyarê parastina daneyan: tîmê hêj nenivîsandiye]',
    placeDate: 'Cih, dîrok',
    signaturePerson: 'Îmzeya kesê',
    signatureStaff: 'Îmzeya rêveberiya beşdariyê',
    interpreter: 'Werger ji aliyê (nav, ziman)',
    version: 'Guhertoya nivîsê',
  },
  info: {
    title: 'Agahî li ser parastina daneyan',
    sections: [
      {
        heading: 'Kî berpirsiyar e?',
        paragraphs: [
          'Berpirsiyarê daneyên we: {controller}.',
          'Hûn dikarin li vir xwe bigihînin berpirsiyarê parastina daneyan: {dpo}.',
        ],
      },
      {
        heading: 'Em çima daneyên we tomar dikin?',
        paragraphs: [
          'Rêveberiya beşdariyê (Teilhabemanagement) di rêya qursa ziman, dibistan, perwerdeya pîşeyî û kar de şîretan li we dike û bi we re dimeşe. Ji bo vê yekê em tiştên ji bo şêwirmendiyê pêwîst tomar dikin: nav û agahiyên têkiliyê, dîroka jidayikbûnê, welatê eslî û ziman, rewşa mayînê, dibistan, perwerde û kar, armanc û hewcedariyên we, randevû, notên axaftinan û erêkirinên we.',
          'Tenê bi erêkirina we ya eşkere em daneyan didin saziyeke hevkar, rewşa we di civîna dosyayê de nîqaş dikin, bi mesajkerekê ji we re dinivîsin an jî agahiyên we bê nav di statîstîkan de dihejmêrin.',
        ],
      },
      {
        heading: 'Li ser kîjan bingeha qanûnî?',
        legalBasis: true,
        paragraphs: [
          'Em agahiyên li ser tenduristiya we tenê bi erêkirina we ya eşkere tomar dikin (GDPR xala 9, beşa 2, a).',
        ],
      },
      {
        heading: 'Kî daneyên we distîne?',
        paragraphs: [
          'Daneyên we tenê karmendên rêveberiya beşdariyê yên tîma we dibînin. Ew li ser serverekî saziya berpirsiyar li Yekîtiya Ewropayê tên tomarkirin.',
          'Em daneyan tenê didin saziyên din (wek Jobcenter, daîreya biyaniyan, dibistan an pêşkêşkerê qursê) heke we ji bo wê saziyê erê kiribe an qanûn wê bixwaze.',
        ],
      },
      {
        heading: 'Em daneyên we çiqas dem diparêzin?',
        paragraphs: [
          'Heta ku em bi we re dimeşin. Piştî dawiya piştgiriyê em dosyaya we {years} salan diparêzin, da ku heke pêwîst be em dîsa alîkariya we bikin. Paşê tê jêbirin. Heke hûn bixwazin em zûtir jê dibin, heke qanûn parastinê nexwaze.',
        ],
      },
      {
        heading: 'Mafên we',
        paragraphs: [
          'Hûn dikarin her dem bipirsin ka em kîjan daneyan li ser we tomar dikin û kopiyek bistînin (xala 15). Hûn dikarin daneyên şaş rast bikin (xala 16), jê bibin (xala 17) an jî pêvajoya wan sînordar bikin (xala 18). Hûn dikarin daneyên xwe di formatek asayî de bistînin (xala 20) û li dijî pêvajoyê îtîraz bikin (xala 21).',
          'Hûn dikarin erêkirinê her dem bi devkî an bi nivîskî paşve bistînin. Tiştên heta wê demê hatine kirin qanûnî dimînin.',
          'Biryarên otomatîk tune ne: li ser piştgiriya we mirov biryarê didin.',
        ],
      },
      {
        heading: 'Gilî',
        paragraphs: [
          'Heke hûn difikirin ku em bi daneyên we re xelet tevdigerin, hûn dikarin gilî bikin li: Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen (LDI NRW), Kavalleriestraße 2–4, 40213 Düsseldorf, Almanya, telefon +49 211 38424-0, e-name poststelle@ldi.nrw.de.',
        ],
      },
    ],
    legalBasisConsent:
      'Em daneyên we tenê bi erêkirina we tomar dikin (GDPR xala 6, beşa 1, a). Erêkirin bi dilxwazî ye.',
    legalBasisPublicTask:
      'Em daneyên we tomar dikin ji ber ku şêwirmendî erkeke ji bo berjewendiya giştî ye (GDPR xala 6, beşa 1, e, bi §\u00a03 ya Qanûna Parastina Daneyan a Nordrhein-Westfalenê re). Dîsa jî ji bo veguhastina daneyan, civînên dosyayê, mesajker û statîstîkan em erêkirina we dixwazin.',
  },
  consents: {
    store_data: {
      title: 'Erêkirin: tomarkirina daneyên min',
      paragraphs: [
        'Ez qebûl dikim ku rêveberiya beşdariyê ({controller}) agahiyên min ji bo şêwirmendî û hevrêtiya min tomar bike û bi kar bîne: agahiyên têkiliyê, welatê eslî û ziman, rewşa mayînê, dibistan, perwerde û kar, armanc û hewcedarî, randevû û notên axaftinan.',
        'Daneyên min heta {years} salan piştî dawiya hevrêtiyê tên parastin û paşê tên jêbirin.',
      ],
    },
    share_with_partner: {
      title: 'Erêkirin: dayîna daneyan bi saziyeke hevkar',
      paragraphs: [
        'Ez qebûl dikim ku rêveberiya beşdariyê agahiyên nîşankirî bide vê saziyê: {partner}.',
        'Armanc: ev sazî divê min di pêşniyarekê de qebûl bike an jî tê de piştgiriya min bike. Ew bi xwe berpirsiyarê parastina daneyên ku distîne ye.',
        'Agahî: ☐ nav ☐ dîroka jidayikbûnê ☐ agahiyên têkiliyê ☐ ziman ☐ asta almanî ☐ mayîn ☐ dibistan û belge ☐ hewcedarî ☐ sedema şandinê',
      ],
    },
    case_conference: {
      title: 'Erêkirin: civîna dosyayê',
      paragraphs: [
        'Ez qebûl dikim ku rewşa min di civîna dosyayê de bi van saziyan re were nîqaşkirin: {partner}.',
        'Tenê tiştên ji bo piştgiriya min pêwîst tên nîqaşkirin. Ez dikarim beşdarî civînê bibim.',
      ],
    },
    messenger: {
      title: 'Erêkirin: têkilî bi mesajkerê',
      paragraphs: [
        'Ez qebûl dikim ku rêveberiya beşdariyê bi mesajkerekê (wek WhatsApp an Signal) bi min re têkilî dayne, mînak ji bo diyarkirina randevûyan.',
        'Nîşe: pêşkêşkerê mesajkerê dikare bibîne kî kengî ji kê re dinivîse û dibe ku van daneyan li derveyî YE pêvajo bike. Ji kerema xwe daneyên tenduristiyê an hejmarên belgeyên nasnameyê bi mesajkerê neşînin.',
      ],
    },
    reporting: {
      title: 'Erêkirin: statîstîk bê nav',
      paragraphs: [
        'Ez qebûl dikim ku agahiyên min bê navê min di rapor û statîstîkên rêveberiya beşdariyê de werin hejmartin (mînak çend kesan qursa ziman dest pê kir).',
        'Komên biçûk ên ku tê de kes dikarin werin naskirin nayên nîşandan.',
      ],
    },
  },
  consentFooter: [
    'Erêkirin bi dilxwazî ye. Heke ez erê nekim, di xizmetên ku mafê min heye de tu zirar nagihîje min.',
    'Ez dikarim vê erêkirinê her dem bi devkî an bi nivîskî li ba rêveberiya beşdariyê paşve bistînim. Tiştên heta paşvestandinê hatine kirin qanûnî dimînin.',
    'Min agahiyên li ser parastina daneyan wergirtin.',
  ],
};
