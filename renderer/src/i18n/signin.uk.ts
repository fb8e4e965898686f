import type { Message } from './types';

/**
 * Ukrainian messages of sign-in, the home menu, the under-14 page and the speech mode. Spread into
 * the dictionary in uk.ts; signin.en.ts is typed against these keys.
 */
export const signinUk = {
  'keys.waiting': 'Чекаємо на носій з ключем…',
  'keys.searching': 'Шукаємо ключі…',
  'keys.found': {
    one: 'Знайдено {count} ключ. Оберіть свій:',
    few: 'Знайдено {count} ключі. Оберіть свій:',
    many: 'Знайдено {count} ключів. Оберіть свій:',
    other: 'Знайдено {count} ключа. Оберіть свій:',
  },
  'keys.list': 'Знайдені ключі',
  'keys.onMedium': 'на носії «{medium}»',
  'keys.inFolder': 'у папці «{folder}»',
  'keys.keyFolder': 'у папці ключів кіоску',

  'password.title': 'Пароль ключа',
  'password.lead':
    'Наберіть пароль на екранній клавіатурі: «АБВ» — українські літери, «ABC» — латинські, ⇧ — велика літера чи символ.',
  'password.key': 'Ключ: {name}',
  'password.field': 'Пароль ключа',
  'password.signIn': 'Увійти',
  'password.otherKey': 'Обрати інший ключ',

  'progress.title': 'Вхід…',
  'progress.lead': 'Зачекайте, будь ласка. Не виймайте носій з ключем.',
  'progress.steps': 'Кроки входу',
  'progress.opening-key': 'Відкриваємо ключ',
  'progress.signing': 'Підписуємо запит на вхід',
  'progress.signing-in': 'Входимо до системи eHealth',
  'progress.loading-person': 'Завантажуємо ваші дані',
  'progress.done': 'виконано',
  'progress.current': 'виконується',

  'signinError.title': 'Увійти не вдалося',
  'signinError.CERT_EXPIRED': 'Сертифікат ключа недійсний',
  'signinError.CERT_UNTRUSTED': 'Сертифікат ключа недійсний',
  'signinError.CERT_REVOKED': 'Сертифікат ключа відкликано',
  'signinError.CERT_STATUS_UNKNOWN': 'Сертифікат ключа не підтверджено',
  'signinError.PERSON_NOT_FOUND': 'Вас не знайдено в eHealth',
  'signinError.EHEALTH_UNAVAILABLE': 'Система eHealth недоступна',
  'signinError.offline':
    'Поки системи немає, ви можете знайти лікаря в довіднику кіоску і роздрукувати його дані.',
  'signinError.findDoctor': 'Знайти лікаря',
  'signinError.tryAgain': 'Спробувати ще раз',
  'signinError.otherKey': 'Обрати інший ключ',
  'signinError.help': 'Потрібна допомога? Зверніться до реєстратури.',

  'under14.title': 'Кабінет — з 14 років',
  'under14.lead':
    'До 14 років користуватися кабінетом пацієнта самостійно не можна. Це правило системи eHealth, а не вашого ключа.',
  'under14.what': 'Що робити',
  'under14.step1': 'Підійдіть до реєстратури разом з одним із батьків або іншим законним представником.',
  'under14.step2': 'Візьміть свідоцтво про народження і документ батьків.',
  'under14.step3': 'Покажіть у реєстратурі направлення, яке надрукує кіоск.',
  'under14.print': 'Надрукувати направлення',
  'under14.printed': 'Направлення надруковано. Заберіть його з принтера.',
  'under14.saved': 'Направлення збережено. Попросіть у реєстратурі його роздрукувати.',
  'under14.printing': 'Друкуємо…',

  'home.title': 'Вітаємо, {name}!',
  'home.titleSpoken': 'Вітаємо!',
  'home.lead': 'Оберіть, що бажаєте зробити:',
  'home.person': 'Мої персональні дані',
  'home.personHint': 'переглянути й оновити',
  'home.declarations': 'Мої декларації',
  'home.declarationsHint': 'чинна декларація і попередні',
  'home.doctorSearch': 'Знайти лікаря',
  'home.doctorSearchHint': 'і підписати нову декларацію',
  'home.apps': 'Доступ до моїх даних',
  'home.appsHint': 'які електронні кабінети мають доступ',
  'home.personHintViewOnly': 'переглянути (змінювати поки не можна)',
  'home.doctorSearchHintViewOnly': 'і надрукувати записку про нього для реєстратури',
  'home.appsHintViewOnly': 'переглянути, які електронні кабінети мають доступ',
  'home.viewOnlyTitle': 'Ви можете лише переглядати',
  'home.viewOnly':
    'Вам {age} років. До 18 років змінювати дані, підписувати декларації й закривати доступ можна, лише коли в eHealth підтверджено вашу повну цивільну дієздатність. Її підтверджують у реєстратурі за документами. Декларацію з лікарем з 14 років можна підписати й у реєстратурі, з паспортом.',
  'home.finishHint': 'Коли закінчите, натисніть «Завершити» — кіоск забуде всі ваші дані.',

  'speech.toggle': 'Озвучення',
  'speech.noVoice': 'Озвучення недоступне: на цьому кіоску немає голосу для української мови.',
  'speech.hint':
    'Кіоск читатиме вголос назву екрана, підказки, кнопку у фокусі та помилки. Паролі й особисті дані не озвучуються.',
  'speech.controls': 'Керування озвученням',
  'speech.repeat': 'Повторити',
  'speech.louder': 'Гучніше',
  'speech.quieter': 'Тихіше',
  'speech.off': 'Вимкнути озвучення',
  'speech.volume': 'Гучність: {percent} %',
  'speech.error': 'Помилка: {text}',
  'speech.private': 'особисті дані',
} satisfies Record<string, Message>;

export type SigninMessageKey = keyof typeof signinUk;
