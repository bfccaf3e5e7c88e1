// English. Review state stays `ungeprüft` until a qualified translator has checked it.
import type { PersonTexts } from './person-texts';

export const texts: PersonTexts = {
  language: 'en',
  name: 'English',
  review: 'ungeprüft',
  version: '2026-11',
  labels: {
    controllerMissing: '[Controller: not yet entered by the team]',
    dpoMissing: '[Data protection officer: not yet entered by the team]',
    placeDate: 'Place, date',
    signaturePerson: 'Signature of the person',
    signatureStaff: 'Signature, participation management',
    interpreter: 'Interpreted by (name, language)',
    version: 'Text version',
  },
  info: {
    title: 'Information about data protection',
    sections: [
      {
        heading: 'Who is responsible?',
        paragraphs: [
          'Responsible for your data is: {controller}.',
          'You can reach the data protection officer here: {dpo}.',
        ],
      },
      {
        heading: 'Why do we store your data?',
        paragraphs: [
          'Participation management (Teilhabemanagement) advises and accompanies you on your way into language courses, school, vocational training and work. For this we store what we need for the counselling: name and contact details, date of birth, origin and languages, residence status, school, training and work, your goals and needs, appointments, notes on conversations and your consents.',
          'Only if you expressly agree do we pass data on to a partner organisation, discuss your situation in a case conference, write to you via a messenger, or count your details without your name in statistics.',
        ],
      },
      {
        heading: 'On what legal basis?',
        legalBasis: true,
        paragraphs: [
          'We store information about your health only with your explicit consent (Art. 9(2)(a) GDPR).',
        ],
      },
      {
        heading: 'Who receives your data?',
        paragraphs: [
          'Only the participation management staff of your team see your data. They are stored on a server of the controller in the European Union.',
          'We pass data on to other bodies (for example the Jobcenter, the immigration office, a school or a course provider) only if you have consented for that body or a law requires it.',
        ],
      },
      {
        heading: 'How long do we keep your data?',
        paragraphs: [
          'As long as we accompany you. After the support ends, we keep your file for {years} years so that we can help you again if needed. Then it is erased. At your request we erase it earlier, unless a law requires us to keep it.',
        ],
      },
      {
        heading: 'Your rights',
        paragraphs: [
          'You can ask at any time which data we store about you and get a copy (Art. 15 GDPR). You can have wrong data corrected (Art. 16), data erased (Art. 17) or their processing restricted (Art. 18). You can take your data with you in a common format (Art. 20) and object to processing (Art. 21).',
          'You can withdraw a consent at any time, orally or in writing. What happened until then remains lawful.',
          'There are no automated decisions: people decide about your support.',
        ],
      },
      {
        heading: 'Complaints',
        paragraphs: [
          'If you think we handle your data wrongly, you can complain to: Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen (LDI NRW), Kavalleriestraße 2–4, 40213 Düsseldorf, Germany, phone +49 211 38424-0, e-mail poststelle@ldi.nrw.de.',
        ],
      },
    ],
    legalBasisConsent:
      'We store your data only with your consent (Art. 6(1)(a) GDPR). Consent is voluntary.',
    legalBasisPublicTask:
      'We store your data because the counselling is a task in the public interest (Art. 6(1)(e) GDPR together with §\u00a03 of the Data Protection Act of North Rhine-Westphalia). For passing data on, case conferences, messengers and statistics we still ask for your consent.',
  },
  consents: {
    store_data: {
      title: 'Consent: storing my data',
      paragraphs: [
        'I agree that participation management ({controller}) stores and uses my details to advise and accompany me: contact details, origin and languages, residence status, school, training and work, goals and needs, appointments and notes on conversations.',
        'My data are kept until {years} years after the support ends and are then erased.',
      ],
    },
    share_with_partner: {
      title: 'Consent: passing data on to a partner',
      paragraphs: [
        'I agree that participation management passes the ticked details on to: {partner}.',
        'Purpose: this organisation is to admit me to an offer or support me in it. It is itself responsible for protecting the data it receives.',
        'Details: ☐ name ☐ date of birth ☐ contact details ☐ languages ☐ German skills ☐ residence ☐ school and qualifications ☐ need ☐ reason for the referral',
      ],
    },
    case_conference: {
      title: 'Consent: case conference',
      paragraphs: [
        'I agree that my situation is discussed in a case conference with: {partner}.',
        'Only what is needed for my support is discussed. I may take part in the case conference.',
      ],
    },
    messenger: {
      title: 'Consent: contact via messenger',
      paragraphs: [
        'I agree that participation management contacts me via a messenger service (for example WhatsApp or Signal), for instance to arrange appointments.',
        'Note: the messenger provider can see who writes to whom and when, and may process these data outside the EU. Please do not send health data or ID numbers via the messenger.',
      ],
    },
    reporting: {
      title: 'Consent: statistics without names',
      paragraphs: [
        "I agree that my details are counted without my name in participation management's reports and statistics (for example how many people started a language course).",
        'Small groups in which single persons could be recognised are not shown.',
      ],
    },
  },
  consentFooter: [
    'Consent is voluntary. If I do not consent, I suffer no disadvantage in benefits I am entitled to.',
    'I can withdraw this consent at any time, orally or in writing, at participation management. What happened until the withdrawal remains lawful.',
    'I have received the information about data protection.',
  ],
};
