import type { Message } from './types';

/**
 * Ukrainian messages of registration with eHealth («Зареєструватися в eHealth»): the offer after
 * the unknown-person refusal, what registration means and the consent, the form, the SMS code, the
 * review and the signing. registration.en.ts is typed against these keys.
 */
export const registrationUk = {
  'registration.offer': 'Зареєструватися в eHealth',
  'registration.offerLead':
    'Якщо ви ще не зареєстровані в електронній системі охорони здоров’я, це можна зробити тут, своїм ключем. Це займе близько 10 хвилин.',

  'registration.introTitle': 'Реєстрація в eHealth',
  'registration.whatTitle': 'Що це означає',
  'registration.what1':
    'eHealth — державна електронна система охорони здоров’я. Щоб мати декларацію з лікарем і бачити свої медичні записи, вас має бути записано в ній.',
  'registration.what2':
    'Ви вводите свої дані: документ, адресу, телефон і контактну особу. Ім’я, прізвище та РНОКПП кіоск бере з вашого ключа.',
  'registration.what3':
    'На ваш телефон надійде SMS з кодом. Цим телефоном ви надалі підтверджуватимете дії в eHealth.',
  'registration.what4':
    'Наприкінці ви підписуєте заяву своїм ключем. Після цього ви одразу ввійдете до свого кабінету.',
  'registration.privacy':
    'Кіоск надсилає ваші дані лише до eHealth і забуває їх, щойно ви натиснете «Завершити».',
  'registration.consentTitle': 'Згода',
  'registration.consentText':
    'Я погоджуюся, щоб eHealth зберігала й обробляла мої персональні дані (ім’я, дату народження, документи, адресу, телефони) для медичного обслуговування, і підтверджую, що дані, які я введу, правдиві.',
  'registration.consent': 'Я погоджуюся на обробку моїх персональних даних',
  'registration.consentNeeded': 'Щоб продовжити, погодьтеся на обробку даних: без цього eHealth не реєструє.',
  'registration.start': 'Продовжити',
  'registration.back': 'Назад',
  'registration.cancel': 'Скасувати реєстрацію',
  'registration.loading': 'Читаємо дані з вашого ключа…',
  'registration.prefillFailed': 'Не вдалося прочитати дані з ключа.',

  'registration.formTitle': 'Ваші дані для eHealth',
  'registration.formLead':
    'Заповніть кожну частину. Торкніться поля — під ним з’явиться клавіатура. Поля з позначкою «необов’язково» можна пропустити.',
  'registration.fromKey': 'З вашого ключа (змінити не можна)',
  'registration.fullName': 'Прізвище, ім’я, по батькові',
  'registration.taxIdNone': 'у ключі немає РНОКПП',
  'registration.birthDateFromKey': 'Дату народження взято з РНОКПП. Перевірте її.',
  'registration.secret': 'Кодове слово',
  'registration.secretHint':
    'Слово, яке ви назвете в реєстратурі, якщо забудете телефон. Від 6 до 20 символів; запам’ятайте його.',
  'registration.secretRule': 'Кодове слово — від 6 до 20 символів.',
  'registration.nameChanged': 'Моє прізвище чи ім’я тепер інше',
  'registration.nameChangedTitle': 'Зареєструватися з цим ключем не вийде',
  'registration.nameChangedText':
    'eHealth реєструє людину лише з тим прізвищем та ім’ям, що записані в сертифікаті її ключа: {name}. Якщо ваше прізвище чи ім’я змінилося (наприклад, після шлюбу), отримайте в надавача новий ключ із теперішнім прізвищем, а тоді зареєструйтеся. Або зверніться до реєстратури.',
  'registration.nameIsRight': 'Ні, у ключі все правильно',
  'registration.check': 'Перевірити й продовжити',
  'registration.errors': {
    one: 'Знайдено {count} помилку. Її позначено під полем.',
    few: 'Знайдено {count} помилки. Їх позначено під полями.',
    many: 'Знайдено {count} помилок. Їх позначено під полями.',
    other: 'Знайдено {count} помилки. Їх позначено під полями.',
  },
  'registration.errorsFromEhealth': 'eHealth не прийняла деякі дані. Їх позначено під полями.',

  'registration.phoneTitle': 'Телефон для SMS-кодів',
  'registration.phoneLead':
    'На цей номер надійде SMS з кодом. Надалі коди для підтвердження дій в eHealth надходитимуть на нього.',
  'registration.phoneNumber': 'Номер мобільного телефону',
  'registration.sendCode': 'Надіслати код',
  'registration.sending': 'Надсилаємо…',
  'registration.codeSent': 'Ми надіслали SMS з кодом із 4 цифр на {phone}. Код дійсний 15 хвилин.',
  'registration.noCodeNeeded': 'eHealth уже знає цей номер: код не потрібен.',
  'registration.code': 'Код з SMS',
  'registration.codeRule': 'Код — це 4 цифри з SMS.',
  'registration.resend': 'Надіслати новий код',
  'registration.otherNumber': 'Інший номер',
  'registration.toReview': 'Продовжити',

  'registration.reviewTitle': 'Перевірте свої дані',
  'registration.reviewLead':
    'Так eHealth запише вас. Якщо щось не так, натисніть «Виправити». Далі ви підпишете заяву своїм ключем.',
  'registration.reviewPhone': 'Телефон для SMS-кодів',
  'registration.secretSet': 'записано (на екрані не показується)',
  'registration.edit': 'Виправити',
  'registration.toSign': 'Перейти до підпису',

  'registration.signTitle': 'Підпишіть заяву про реєстрацію',
  'registration.signLead':
    'Введіть пароль свого ключа. Кіоск підпише ним заяву й надішле її до eHealth разом із кодом з SMS.',
  'registration.sign': 'Підписати й зареєструватися',
  'registration.signing': 'Підписуємо й реєструємо…',
  'registration.refused': 'eHealth не зареєструвала вас',
  'registration.codeAgain': 'Ввести код ще раз',

  'registration.queuedTitle': 'Реєстрацію підписано',
  'registration.queued':
    'Звʼязку з eHealth зараз немає. Кіоск зберіг вашу підписану реєстрацію і сам надішле її, щойно звʼязок відновиться, — до {deadline}. Пізніше eHealth її не прийме, і зареєструватися доведеться ще раз.',
  'registration.queuedKeep':
    'Збережіть цей код. Коли реєстрацію буде доставлено, увійдіть до кабінету своїм ключем.',
  'registration.queuedDelivered':
    'Реєстрацію доставлено: вас зареєстровано в eHealth. Тепер можна ввійти своїм ключем.',
  'registration.signInNow': 'Увійти своїм ключем',
} satisfies Record<string, Message>;

export type RegistrationMessageKey = keyof typeof registrationUk;
