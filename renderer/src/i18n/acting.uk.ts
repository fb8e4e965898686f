import type { Message } from './types';

/**
 * Ukrainian messages of «Діяти за дитину»: the identification form, the banner, the child's cabinet
 * and the explanation when eHealth holds no relation. Spread into uk.ts; acting.en.ts follows these keys.
 */
export const actingUk = {
  'acting.homeButton': 'Діяти за дитину',
  'acting.homeHint': 'декларація, лікар і дані дитини — з вашим ключем',
  'acting.opened': 'Діти, за яких ви вже дієте зараз:',
  'acting.open': 'Відкрити кабінет: {name}',

  'acting.title': 'Діяти за дитину',
  'acting.lead':
    'Введіть дані дитини так, як у свідоцтві про народження. eHealth перевірить, що ви — батько, мати чи законний представник цієї дитини.',
  'acting.lastName': 'Прізвище дитини',
  'acting.firstName': 'Імʼя дитини',
  'acting.secondName': 'По батькові дитини (якщо є)',
  'acting.birthDate': 'Дата народження',
  'acting.birthDateHint': 'день, місяць, рік — наприклад 05032019',
  'acting.documentKind': 'Документ дитини',
  'acting.birthCertificate': 'Свідоцтво про народження',
  'acting.taxId': 'РНОКПП (податковий номер)',
  'acting.certificateNumber': 'Серія та номер свідоцтва',
  'acting.certificateHint': 'як у свідоцтві, наприклад І-КИ123456',
  'acting.taxIdNumber': 'РНОКПП дитини',
  'acting.keyboardFor': 'Екранна клавіатура для поля «{field}»',
  'acting.continue': 'Продовжити',
  'acting.back': 'Назад',
  'acting.invalid.lastName': 'Введіть прізвище українськими літерами.',
  'acting.invalid.firstName': 'Введіть імʼя українськими літерами.',
  'acting.invalid.secondName': 'По батькові — лише українські літери.',
  'acting.invalid.birthDate': 'Введіть справжню дату народження дитини (молодшої за 18 років).',
  'acting.invalid.certificate': 'Перевірте серію та номер свідоцтва.',
  'acting.invalid.taxId': 'РНОКПП — 10 цифр; перевірте його.',

  'acting.confirmTitle': 'Перевірте й підпишіть',
  'acting.confirmLead':
    'Ви підпишете своїм ключем запит до eHealth, щоб діяти за цю дитину. Нічого іншого цей підпис не змінює.',
  'acting.child': 'Дитина',
  'acting.born': 'Дата народження',
  'acting.document': 'Документ',
  'acting.sign': 'Підписати своїм ключем і відкрити кабінет дитини',
  'acting.signing': 'Підписуємо і відкриваємо кабінет дитини…',

  'acting.banner': 'Ви дієте за: {name}',
  'acting.bannerRegion': 'Чий кабінет відкрито',
  'acting.bannerViewOnly': 'лише перегляд',
  'acting.backToOwn': 'До мого кабінету',
  'acting.childTitle': 'Кабінет дитини',
  'acting.childLead': 'Оберіть, що зробити для дитини. Підписуєте ви — своїм ключем.',
  'acting.childPerson': 'Персональні дані дитини',
  'acting.childPersonHint': 'переглянути й оновити',
  'acting.childDeclarations': 'Декларації дитини',
  'acting.childDeclarationsHint': 'чинна декларація і попередні',
  'acting.childDoctorSearch': 'Знайти лікаря для дитини',
  'acting.childDoctorSearchHint': 'педіатр або сімейний лікар, нова декларація',
  'acting.teenViewOnly':
    'Дитині вже виповнилося 14: свої декларації та зміни даних вона підписує сама. Ви можете переглядати.',
  'acting.relationViewOnly':
    'eHealth ще не підтвердила ваш звʼязок із дитиною: поки що можна лише переглядати. Зверніться до реєстратури.',
  'acting.finishHint': '«Завершити» закриває і кабінет дитини, і ваш — кіоск забуде всі дані.',

  'acting.declarationsTitle': 'Декларації дитини',
  'acting.declarationsNone': 'У дитини зараз немає чинної декларації з лікарем.',
  'acting.wizardNoCurrent': 'Зараз у дитини немає чинної декларації.',

  'noRelation.title': 'Звʼязок із дитиною не зареєстровано',
  'noRelation.lead':
    'eHealth поки не має запису, що ви — батько, мати чи законний представник цієї дитини. Тому діяти за неї в кіоску не можна.',
  'noRelation.how': 'Як це виправити',
  'noRelation.step1':
    'Зверніться до лікаря або реєстратури будь-якого закладу, що працює з eHealth (наприклад, коли підписуєте декларацію дитини).',
  'noRelation.step2':
    'Візьміть свій паспорт або ID-картку, свій РНОКПП і свідоцтво про народження дитини (опікун — рішення суду або посвідчення опікуна).',
  'noRelation.step3': 'Коли звʼязок внесено, увійдіть у кіоску зі своїм ключем і оберіть «Діяти за дитину».',
  'noRelation.print': 'Надрукувати пам’ятку',
  'noRelation.printing': 'Друкуємо…',
  'noRelation.printed': 'Пам’ятку надруковано. Заберіть її з принтера.',
  'noRelation.saved': 'Пам’ятку збережено. Попросіть у реєстратурі її роздрукувати.',
  'noRelation.tryAgain': 'Перевірити дані ще раз',
  'noRelation.toOwn': 'До мого кабінету',

  'under14.parentKiosk':
    'Один із батьків може зробити це і в цьому кіоску: увійти зі своїм ключем КЕП і обрати «Діяти за дитину».',
} satisfies Record<string, Message>;

export type ActingMessageKey = keyof typeof actingUk;
