// Français. Reste `ungeprüft` jusqu'à la relecture par un traducteur qualifié.
import type { PersonTexts } from './person-texts';

export const texts: PersonTexts = {
  language: 'fr',
  name: 'Français',
  review: 'ungeprüft',
  version: '2026-11',
  labels: {
    controllerMissing: '[Responsable du traitement : pas encore indiqué par l’équipe]',
    dpoMissing: '[Délégué à la protection des données : pas encore indiqué par l’équipe]',
    placeDate: 'Lieu, date',
    signaturePerson: 'Signature de la personne',
    signatureStaff: 'Signature, accompagnement à la participation',
    interpreter: 'Interprété par (nom, langue)',
    version: 'Version du texte',
  },
  info: {
    title: 'Informations sur la protection des données',
    sections: [
      {
        heading: 'Qui est responsable ?',
        paragraphs: [
          'Le responsable de vos données est : {controller}.',
          'Vous pouvez joindre le délégué à la protection des données ici : {dpo}.',
        ],
      },
      {
        heading: 'Pourquoi enregistrons-nous vos données ?',
        paragraphs: [
          'L’accompagnement à la participation (Teilhabemanagement) vous conseille et vous accompagne vers un cours de langue, l’école, une formation professionnelle et le travail. Pour cela, nous enregistrons ce dont nous avons besoin : nom et coordonnées, date de naissance, origine et langues, statut de séjour, école, formation et travail, vos objectifs et besoins, rendez-vous, notes d’entretien et vos consentements.',
          'Seulement si vous y consentez expressément, nous transmettons des données à un partenaire, discutons de votre situation en conférence de cas, vous écrivons par messagerie ou comptons vos données sans votre nom dans des statistiques.',
        ],
      },
      {
        heading: 'Sur quelle base juridique ?',
        legalBasis: true,
        paragraphs: [
          'Nous enregistrons des informations sur votre santé uniquement avec votre consentement explicite (art. 9, par. 2, point a, RGPD).',
        ],
      },
      {
        heading: 'Qui reçoit vos données ?',
        paragraphs: [
          'Seuls les professionnels de l’accompagnement de votre équipe voient vos données. Elles sont enregistrées sur un serveur du responsable dans l’Union européenne.',
          'Nous ne transmettons des données à d’autres organismes (par exemple le Jobcenter, le service des étrangers, une école ou un organisme de formation) que si vous y avez consenti pour cet organisme ou si la loi l’exige.',
        ],
      },
      {
        heading: 'Combien de temps gardons-nous vos données ?',
        paragraphs: [
          'Tant que nous vous accompagnons. Après la fin de l’accompagnement, nous gardons votre dossier {years} ans pour pouvoir vous aider à nouveau si besoin. Ensuite, il est effacé. À votre demande, nous l’effaçons plus tôt, sauf si la loi nous oblige à le conserver.',
        ],
      },
      {
        heading: 'Vos droits',
        paragraphs: [
          'Vous pouvez demander à tout moment quelles données nous avons sur vous et en recevoir une copie (art. 15 RGPD). Vous pouvez faire corriger des données fausses (art. 16), les faire effacer (art. 17) ou limiter leur traitement (art. 18). Vous pouvez emporter vos données dans un format courant (art. 20) et vous opposer à un traitement (art. 21).',
          'Vous pouvez retirer un consentement à tout moment, oralement ou par écrit. Ce qui a été fait jusque-là reste légal.',
          'Il n’y a pas de décision automatisée : ce sont des personnes qui décident de votre accompagnement.',
        ],
      },
      {
        heading: 'Réclamation',
        paragraphs: [
          'Si vous pensez que nous traitons mal vos données, vous pouvez porter plainte auprès de : Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen (LDI NRW), Kavalleriestraße 2–4, 40213 Düsseldorf, Allemagne, téléphone +49 211 38424-0, e-mail poststelle@ldi.nrw.de.',
        ],
      },
    ],
    legalBasisConsent:
      'Nous enregistrons vos données uniquement avec votre consentement (art. 6, par. 1, point a, RGPD). Le consentement est volontaire.',
    legalBasisPublicTask:
      'Nous enregistrons vos données parce que le conseil est une mission d’intérêt public (art. 6, par. 1, point e, RGPD, avec le §\u00a03 de la loi sur la protection des données de Rhénanie-du-Nord-Westphalie). Pour la transmission, les conférences de cas, la messagerie et les statistiques, nous vous demandons tout de même votre consentement.',
  },
  consents: {
    store_data: {
      title: 'Consentement : enregistrement de mes données',
      paragraphs: [
        'J’accepte que l’accompagnement à la participation ({controller}) enregistre et utilise mes données pour me conseiller et m’accompagner : coordonnées, origine et langues, statut de séjour, école, formation et travail, objectifs et besoins, rendez-vous et notes d’entretien.',
        'Mes données sont conservées jusqu’à {years} ans après la fin de l’accompagnement, puis effacées.',
      ],
    },
    share_with_partner: {
      title: 'Consentement : transmission à un partenaire',
      paragraphs: [
        'J’accepte que l’accompagnement à la participation transmette les données cochées à : {partner}.',
        'But : cet organisme doit m’accueillir dans une offre ou m’y soutenir. Il est lui-même responsable de la protection des données qu’il reçoit.',
        'Données : ☐ nom ☐ date de naissance ☐ coordonnées ☐ langues ☐ niveau d’allemand ☐ séjour ☐ école et diplômes ☐ besoin ☐ motif de l’orientation',
      ],
    },
    case_conference: {
      title: 'Consentement : conférence de cas',
      paragraphs: [
        'J’accepte que ma situation soit discutée en conférence de cas avec : {partner}.',
        'Seul ce qui est nécessaire à mon accompagnement est discuté. Je peux participer à la conférence de cas.',
      ],
    },
    messenger: {
      title: 'Consentement : contact par messagerie',
      paragraphs: [
        'J’accepte que l’accompagnement à la participation me contacte par une messagerie (par exemple WhatsApp ou Signal), notamment pour fixer des rendez-vous.',
        'Remarque : le fournisseur de la messagerie peut voir qui écrit à qui et quand, et traiter ces données hors de l’UE. N’envoyez pas de données de santé ni de numéros de pièce d’identité par messagerie.',
      ],
    },
    reporting: {
      title: 'Consentement : statistiques sans nom',
      paragraphs: [
        'J’accepte que mes données soient comptées sans mon nom dans les rapports et statistiques de l’accompagnement à la participation (par exemple combien de personnes ont commencé un cours de langue).',
        'Les petits groupes dans lesquels on pourrait reconnaître une personne ne sont pas indiqués.',
      ],
    },
  },
  consentFooter: [
    'Le consentement est volontaire. Si je ne consens pas, je ne subis aucun désavantage pour les prestations auxquelles j’ai droit.',
    'Je peux retirer ce consentement à tout moment, oralement ou par écrit, auprès de l’accompagnement à la participation. Ce qui a été fait avant le retrait reste légal.',
    'J’ai reçu les informations sur la protection des données.',
  ],
};
