import type { Labels } from "../labels.js";

/** Russian, as analytical notes are headed (Аналитическая справка, Главное, Хронология). */
export const ru: Labels = {
  kicker: "Аналитическая справка",
  summary: "Главное",
  timeline: "Хронология",
  sources: "Источники",
  cited: "Источники:",
  asOf: "По состоянию на {date}",
  part: "({index}/{count})",
  confidenceLow: "Низкая степень уверенности",
  confidenceModerate: "Средняя степень уверенности",
  confidenceHigh: "Высокая степень уверенности",
  // The units Intl writes (год, месяц, день, час) read the same after «через»; «после» wants a
  // noun in the genitive, which «события» is, whatever the title's own case.
  previousEvent: "Через {duration} после события: {title} ({date})",
  image: "Изображение",
  quote: "Цитата",
  handout: "Раздаточный материал",
  separator: " · ",
  contents: "Содержание",
  notes: "Пояснения",
  yourNotes: "Для заметок",
  pageOf: "Стр. {page} из {total}",
  events: {
    one: "{count} событие",
    few: "{count} события",
    many: "{count} событий",
    other: "{count} события",
  },
  present: "Показ",
  singleFile: "Один файл",
  // format-date.ts gives these the genitive: «конец мая 2024 г.».
  earlyMonth: "начало {date}",
  midMonth: "середина {date}",
  lateMonth: "конец {date}",
  earlyYear: "начало {date}",
  midYear: "середина {date}",
  lateYear: "конец {date}",
  circa: "ок. {date}",
  dateTime: "{date}, {time}",
  span: "{start} – {end}",
  // No full stop of its own: a date ends in «г.», and «г..» is a slip.
  source: "{title}[. {publisher}][, {date}]",
  citedLine: "{cited} {refs}",
  overviewNote: "{date}, {title}: ",
  // Judgments on a yardstick (ICD 203 or PHIA), and the closing slide that explains it.
  likelihoodRange: "{term} · {range}",
  percentRange: "{low}–{high} %",
  icd203AlmostNoChance: "Почти исключено",
  icd203VeryUnlikely: "Весьма маловероятно",
  icd203Unlikely: "Маловероятно",
  icd203RoughlyEven: "Шансы примерно равны",
  icd203Likely: "Вероятно",
  icd203VeryLikely: "Весьма вероятно",
  icd203AlmostCertain: "Почти наверняка",
  phiaRemoteChance: "Ничтожный шанс",
  phiaHighlyUnlikely: "Крайне маловероятно",
  phiaUnlikely: "Маловероятно",
  phiaRealisticPossibility: "Реальная возможность",
  phiaLikely: "Вероятно",
  phiaHighlyLikely: "Крайне вероятно",
  phiaAlmostCertain: "Почти наверняка",
  yardstickTitle: "Как читать оценки",
  icd203Name: "Шкала ICD 203",
  phiaName: "Шкала вероятностей PHIA",
  confidenceHeading: "Степень уверенности",
  confidenceLowMeaning:
    "Сведений мало, они сомнительны, отрывочны или плохо подтверждены, либо источники вызывают вопросы.",
  confidenceModerateMeaning:
    "Источники заслуживают доверия, сведения правдоподобны, но подтверждены недостаточно для высокой уверенности.",
  confidenceHighMeaning:
    "Надёжные сведения из нескольких источников или сама суть вопроса позволяют сделать твёрдый вывод; это всё же не достоверность.",
  confidenceNote:
    "Уверенность оценивает сведения и рассуждения, на которых основан вывод, а не вероятность события.",
};
