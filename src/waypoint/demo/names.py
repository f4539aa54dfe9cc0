"""Name pools for the synthetic population, per nationality (never real people).

Each ``Name`` is one identity: the ways clerks in Bosnia and Herzegovina really write it in
Latin letters (most common first for that country) and, for countries writing Arabic,
Perso-Arabic (Dari, Pashto, Persian, Urdu, Kurdish Sorani) or Bengali script, the form in
that script. Countries with more than one naming tradition (Arab and Kurdish families in Iraq
and Syria) have one community each, so a family's names come from one tradition.

Entries are written compactly: ``Latin|variant|variant = original`` separated by ``;``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Name:
    """One name as an identity: its Latin renderings and its original-script form."""

    key: str
    variants: tuple[str, ...]
    original: str = ""

    @property
    def latin(self) -> str:
        return self.variants[0]


@dataclass(frozen=True, slots=True)
class NameCommunity:
    label: str
    weight: float
    male: tuple[Name, ...]
    female: tuple[Name, ...]
    family: tuple[Name, ...]


@dataclass(frozen=True, slots=True)
class NamePool:
    nationality: str
    script: str  # "arabic" (also Perso-Arabic and Sorani), "bengali" or "latin"
    communities: tuple[NameCommunity, ...]

    @property
    def has_original_script(self) -> bool:
        return self.script != "latin"


def _names(text: str) -> tuple[Name, ...]:
    names = []
    for entry in text.replace("\n", ";").split(";"):
        if not entry.strip():
            continue
        latin, _sep, original = entry.partition("=")
        variants = tuple(v.strip() for v in latin.split("|") if v.strip())
        key = "".join(ch for ch in variants[0].lower() if ch.isalnum())
        names.append(Name(key=key, variants=variants, original=original.strip()))
    return tuple(names)


def _community(
    label: str, male: str, female: str, family: str, weight: float = 1.0
) -> NameCommunity:
    return NameCommunity(label, weight, _names(male), _names(female), _names(family))


# Afghanistan: Pashto and Dari, written in Perso-Arabic script.
_AFG = _community(
    "Pashto and Dari",
    male="""
    Mohammad|Muhammad|Mohammed|Mohamad|Mohamed|Muhamed = محمد; Ahmad|Ahmed = احمد
    Abdul Rahman|Abdulrahman|Abdurrahman|Abdul Rehman = عبدالرحمن; Abdullah|Abdulla = عبدالله
    Ali = علی; Hussain|Hussein|Husain|Husein|Hossein = حسین; Hassan|Hasan = حسن
    Mustafa|Mostafa = مصطفی; Jawad|Javad = جواد; Sayed|Said|Sayyed|Seyed = سید
    Rahmatullah|Rahmatulla|Rahmat Ullah = رحمت الله; Hamid|Hameed = حمید; Nasir|Naser = ناصر
    Karim|Kareem = کریم; Rahim|Raheem = رحیم; Wahid|Waheed|Vahid = وحید
    Zabihullah|Zabiullah|Zabihulla = ذبیح الله; Noorullah|Nurullah|Noorulla = نورالله
    Hekmatullah|Hikmatullah = حکمت الله; Ehsanullah|Ihsanullah = احسان الله
    Shafiq|Shafeeq = شفیق; Farid|Fareed = فرید; Jamshid|Jamsheed = جمشید
    Mirwais|Mir Wais|Mirways = میرویس; Bilal = بلال; Omid|Umid = امید; Reza|Raza = رضا
    Javid|Jawed|Javed = جاوید; Najib|Najeeb|Najibullah = نجیب; Sohail|Suhail = سهیل
    Samiullah|Sami Ullah = سمیع الله; Naqibullah|Naqeebullah = نقیب الله
    Asadullah|Asadulla = اسدالله; Khalid|Khaled = خالد; Idris|Edris = ادریس
    Ismail|Esmail|Ismael = اسماعیل; Yusuf|Yousuf|Yousef|Yosuf = یوسف; Qasim|Kasim = قاسم
    Rashid|Rasheed = رشید; Habib|Habibullah = حبیب; Zalmai|Zalmay = زلمی; Wali|Vali = ولی
    Masoud|Masood|Masud = مسعود; Fawad|Fuad = فواد; Haroon|Harun|Haroun = هارون
    Shoaib|Shuaib|Shoayb = شعیب; Tariq|Tareq = طارق; Esmatullah|Ismatullah = عصمت الله
    """,
    female="""
    Fatima|Fatema|Fatemeh = فاطمه; Maryam|Mariam = مریم; Zahra|Zahraa = زهرا
    Sakina|Sakineh = سکینه; Masuma|Masooma|Masoumeh = معصومه; Nargis|Narges = نرگس
    Shabnam = شبنم; Farzana = فرزانه; Zainab|Zeinab|Zaynab = زینب; Khadija|Khadijah = خدیجه
    Parwana|Parvaneh = پروانه; Mina = مینا; Fariba = فریبا; Nazanin = نازنین
    Laila|Leila|Layla = لیلا; Soraya|Suraya = ثریا; Gulalai|Gulalay = گلالی; Roya = رویا
    Marzia|Marziya = مرضیه; Razia|Raziya = راضیه; Halima = حلیمه; Shukria|Shukriya = شکریه
    Nilofar|Nilufar|Niloufar = نیلوفر; Mahbooba|Mahbuba = محبوبه
    Freshta|Fereshta|Fereshteh = فرشته
    """,
    family="""
    Ahmadi|Ahmady = احمدی; Hussaini|Husseini|Hosseini = حسینی
    Mohammadi|Mohammady|Muhammadi = محمدی; Rahimi|Rahimy = رحیمی; Karimi|Karimy = کریمی
    Hashimi|Hashemi = هاشمی; Sultani|Soltani = سلطانی; Rezaei|Rezaie|Rezai = رضایی
    Jafari|Jafary|Jaafari = جعفری; Haidari|Haidary|Heydari = حیدری; Noori|Nouri|Nuri = نوری
    Sadat = سادات; Popal = پوپل; Stanikzai|Stanekzai = ستانکزی; Ahmadzai|Ahmadzay = احمدزی
    Yousafzai|Yusufzai|Yousufzai = یوسفزی; Safi = صافی; Wardak|Wardag = وردک
    Niazi|Niyazi = نیازی; Amiri|Amiry = امیری; Nazari|Nazary = نظری
    Qaderi|Qadiri|Kadiri = قادری; Rasuli|Rasouli|Rasooli = رسولی; Akbari|Akbary = اکبری
    Rahmani|Rahmany = رحمانی; Sharifi|Sharify = شریفی; Azizi|Azizy = عزیزی
    Habibi|Habiby = حبیبی; Samadi = صمدی; Mohmand|Momand = مهمند; Shinwari|Shinwary = شینواری
    Durrani|Durani = درانی; Barakzai = بارکزی; Alizai = علیزی; Khan = خان; Hotak = هوتک
    Ghafoori|Ghafori = غفوری; Hakimi|Hakimy = حکیمی; Naseri|Nasiri = ناصری
    Ibrahimi|Ebrahimi = ابراهیمی
    """,
)

# Pakistan: Urdu and Punjabi names, written in Urdu's Nastaliq alphabet.
_PAK = _community(
    "Urdu and Punjabi",
    male="""
    Muhammad|Mohammad|Muhammed|Mohammed|Muhamed|Mohd = محمد; Ahmed|Ahmad = احمد; Ali = علی
    Hassan|Hasan = حسن; Hussain|Husain|Hussein = حسین; Imran = عمران
    Usman|Osman|Uthman = عثمان; Umar|Omar = عمر; Bilal = بلال; Zubair|Zobair = زبیر
    Asif = آصف; Waqas = وقاص; Adnan = عدنان; Kashif = کاشف; Shahid = شاہد; Tariq|Tarik = طارق
    Naveed|Navid = نوید; Faisal|Faysal = فیصل; Irfan = عرفان; Rizwan|Rizvan = رضوان
    Sohail|Suhail = سہیل; Zeeshan|Zeshan = ذیشان; Waseem|Wasim = وسیم; Nadeem|Nadim = ندیم
    Kamran = کامران; Arslan = ارسلان; Hamza|Hamzah = حمزہ; Junaid|Junaed = جنید
    Sajid = ساجد; Majid|Majeed = ماجد
    Abdul Rehman|Abdul Rahman|Abdulrehman|Abdur Rehman = عبدالرحمن; Abdullah = عبداللہ
    Saqib|Saqeb = ثاقب; Shahzad = شہزاد; Aamir|Amir = عامر; Yasir|Yaser|Yasser = یاسر
    Farhan = فرحان; Danish = دانش; Atif = عاطف; Ehsan|Ihsan = احسان
    Mudassar|Mudassir = مدثر; Awais|Owais|Uwais = اویس; Jamil|Jameel = جمیل
    Khurram = خرم; Qaiser|Qaisar = قیصر; Haris = حارث; Ali Raza|Aliraza = علی رضا
    """,
    female="""
    Ayesha|Aisha|Aysha = عائشہ; Fatima|Fatimah = فاطمہ; Sana = ثنا; Amna|Amina = آمنہ
    Saima = صائمہ; Nadia = نادیہ; Rabia|Rabiya = رابعہ; Bushra = بشری; Shazia = شازیہ
    Nazia = نازیہ; Sadia = سعدیہ; Hina = حنا; Mehwish|Mahwish = مہوش; Uzma = عظمی
    Zainab|Zaynab = زینب; Kiran = کرن; Rukhsana = رخسانہ; Samina|Sameena = ثمینہ
    Parveen|Perveen|Parvin = پروین; Farzana = فرزانہ
    """,
    family="""
    Khan = خان; Ahmed|Ahmad = احمد; Ali = علی; Hussain|Hussein|Husain = حسین; Malik = ملک
    Butt|Bhatt = بٹ; Chaudhry|Chaudhary|Choudhry|Chaudhri = چوہدری; Iqbal = اقبال
    Akhtar|Akhter = اختر; Mahmood|Mehmood|Mahmud = محمود; Shah = شاہ
    Qureshi|Quraishi|Kureshi = قریشی; Raza = رضا; Aslam = اسلم; Javed|Javaid = جاوید
    Rana = رانا; Sheikh|Shaikh = شیخ; Siddiqui|Siddiqi = صدیقی; Abbasi = عباسی
    Rehman|Rahman = رحمان; Nawaz = نواز; Bhatti = بھٹی; Awan = اعوان; Gondal = گوندل
    Cheema = چیمہ; Jutt|Jat = جٹ; Mughal|Moghal = مغل; Rajput = راجپوت; Afridi = آفریدی
    Yousafzai|Yousufzai = یوسفزئی; Khattak = خٹک; Gujjar|Gujar = گجر; Anwar = انور
    Aziz = عزیز; Latif|Lateef = لطیف; Bashir|Basheer = بشیر; Saleem|Salim = سلیم
    Riaz|Riyaz = ریاض; Munir|Muneer = منیر
    """,
)

# Bangladesh: Bengali names in Bengali script; "Md." is how many documents abbreviate Mohammad.
_BGD = _community(
    "Bengali",
    male="""
    Mohammad|Md.|Muhammad|Mohammed|Mohd. = মোহাম্মদ; Rahim = রহিম; Karim = করিম
    Hasan|Hassan = হাসান; Hossain|Hussain|Hosen|Hossen = হোসেন; Rakib = রাকিব
    Sakib|Shakib = সাকিব; Sumon|Shumon = সুমন; Rony|Roni = রনি; Shamim = শামীম
    Jahid|Zahid = জাহিদ; Rasel|Russell = রাসেল; Mamun|Mamoon = মামুন; Rubel = রুবেল
    Sohel|Sohail = সোহেল; Jewel|Juel = জুয়েল; Shahin|Shaheen = শাহীন; Monir|Munir = মনির
    Kamal = কামাল; Jamal = জামাল; Faruk|Farooq|Faruque = ফারুক; Habib = হাবিব
    Nazmul = নাজমুল; Mizanur|Mizan = মিজানুর; Arif = আরিফ; Tanvir|Tanveer = তানভীর
    Imran = ইমরান; Shafiqul|Shafikul = শফিকুল; Aminul = আমিনুল; Saiful = সাইফুল
    Rafiq|Rafique|Rafik = রফিক; Anwar|Anowar = আনোয়ার
    Abdul Kader|Abdul Kadir|Abdul Qader = আব্দুল কাদের; Abdullah = আব্দুল্লাহ
    Jahangir = জাহাঙ্গীর; Alamgir = আলমগীর; Mostafa|Mustafa = মোস্তফা
    Rashed|Rashid = রাশেদ; Masud|Masood = মাসুদ; Selim|Salim = সেলিম; Babul = বাবুল
    Milon|Milan = মিলন; Sabbir = সাব্বির; Emon|Imon = ইমন; Ariful = আরিফুল
    Shahjahan|Shah Jahan = শাহজাহান
    """,
    female="""
    Fatema|Fatima = ফাতেমা; Ayesha|Aysha = আয়েশা; Nasrin|Nasreen = নাসরিন
    Sumaiya|Sumaya = সুমাইয়া; Taslima = তাসলিমা; Rina = রিনা; Shirin|Shireen = শিরিন
    Jannat|Jannatul = জান্নাত; Sharmin = শারমিন; Moriom|Mariam|Maryam = মরিয়ম
    Rokeya|Rokia = রোকেয়া; Salma = সালমা; Shahnaz = শাহনাজ; Nusrat = নুসরাত
    Tania|Tanya = তানিয়া; Khadija|Khodeja = খাদিজা; Rahima = রহিমা; Parvin|Parveen = পারভীন
    """,
    family="""
    Hossain|Hussain|Hosen|Hossen = হোসেন; Rahman|Rahaman = রহমান; Islam = ইসলাম
    Ahmed|Ahmad = আহমেদ; Uddin|Udin = উদ্দিন; Alam = আলম; Khan = খান; Miah|Mia = মিয়া
    Chowdhury|Choudhury|Chowdhary = চৌধুরী; Sarker|Sarkar = সরকার; Sheikh|Shaikh = শেখ
    Mollah|Molla|Mulla = মোল্লা; Talukder|Talukdar = তালুকদার
    Bhuiyan|Bhuiya|Bhuyan = ভূঁইয়া; Mondal|Mandal = মন্ডল; Howlader|Hawlader = হাওলাদার
    Sikder|Sikdar = সিকদার; Patwary|Patwari = পাটোয়ারী; Haque|Hoque|Haq|Huq = হক
    Karim = করিম; Kabir = কবির; Sultan = সুলতান; Biswas = বিশ্বাস; Munshi = মুন্সী
    Hasan = হাসান; Mahmud|Mahmood = মাহমুদ; Rana = রানা; Sharif = শরীফ
    """,
)

_MAR = _community(
    "Moroccan",
    male="""
    Mohamed|Mohammed|Mohamad|Muhammad = محمد; Ahmed|Ahmad = أحمد
    Youssef|Yousef|Youssouf|Yusuf = يوسف; Hamza = حمزة; Ayoub|Ayyub = أيوب; Amine|Amin = أمين
    Mehdi|Mahdi = مهدي; Omar|Oumar = عمر; Ismail|Smail|Ismael = إسماعيل
    Khalid|Khaled = خالد; Said|Saeed = سعيد; Rachid|Rashid = رشيد
    Abdelaziz|Abdul Aziz|Abd al-Aziz = عبد العزيز; Abdellah|Abdallah|Abdullah = عبد الله
    Abderrahim|Abdel Rahim|Abdurrahim = عبد الرحيم; Abdelkader|Abdel Kader = عبد القادر
    Abderrahmane|Abdel Rahman|Abdulrahman|Abd al-Rahman = عبد الرحمن
    Hicham|Hisham|Hichem = هشام; Karim|Kareem = كريم; Mustapha|Mustafa|Moustapha = مصطفى
    Nabil = نبيل; Reda|Rida|Ridha = رضا; Soufiane|Sofiane|Sufyan = سفيان
    Zakaria|Zakariya|Zakariae = زكرياء; Anas = أنس; Bilal = بلال; Brahim|Ibrahim = إبراهيم
    Driss|Idriss|Idris = إدريس; Hassan|Hasan = حسن; Houssine|Hussein|Hocine = حسين
    Jamal|Djamal = جمال; Mourad|Murad = مراد; Noureddine|Nour Eddine|Nureddin = نور الدين
    Othmane|Otmane|Othman = عثمان; Tarik|Tariq|Tarek = طارق; Yassine|Yasin|Yacine = ياسين
    Adil|Adel = عادل; Aziz = عزيز; Badr|Badre = بدر; Mohcine|Mohsin|Mohsen = محسن
    Walid|Oualid = وليد; Younes|Younis|Yunus = يونس; Zouhair|Zuhair = زهير
    Ilyas|Ilias|Elias = إلياس; Abdessamad|Abdel Samad = عبد الصمد
    """,
    female="""
    Fatima|Fatema = فاطمة; Khadija|Khadidja = خديجة; Aicha|Aisha|Aïcha = عائشة
    Meryem|Maryam|Meriem = مريم; Salma = سلمى; Nadia = نادية; Samira = سميرة
    Hanane|Hanan = حنان; Naima|Naïma = نعيمة; Latifa = لطيفة; Zineb|Zainab|Zeineb = زينب
    Imane|Iman = إيمان; Loubna|Lubna = لبنى; Soukaina|Soukayna|Sukaina = سكينة
    Houda|Huda = هدى; Asmae|Asma = أسماء; Siham = سهام; Wafae|Wafa = وفاء
    """,
    family="""
    El Amrani|Amrani|Al-Amrani = العمراني; Benali|Ben Ali = بنعلي
    El Idrissi|Idrissi|Al-Idrisi = الإدريسي; Alaoui|El Alaoui|Alawi = العلوي
    Bennani = بناني; Tazi = التازي; Berrada = برادة; El Fassi|Fassi = الفاسي
    Chraibi = الشرايبي; Ouazzani|El Ouazzani|Wazzani = الوزاني; Bouzid|Bou Zid = بوزيد
    Benjelloun|Ben Jelloun = بنجلون; Lahlou = لحلو; Ziani = الزياني
    Bakkali|El Bakkali = البقالي; Mansouri|El Mansouri = المنصوري
    Hajji|El Hajji|Hadji = الحجي; Tahiri|Ettahiri = الطاهري; Kabbaj = القباج
    Haddad = الحداد; Benkirane = بنكيران; Sebti|Sabti = السبتي; Ait Ali|Aït Ali = آيت علي
    Ouali|Wali = والي; Boukhari|El Boukhari|Bukhari = البخاري
    Naciri|Nassiri|Nasiri = الناصري; Chakir|Shakir = شاكر
    Slimani|Soulaimani|Sleimani = السليماني; Benmoussa|Ben Moussa = بنموسى
    Azzouzi = العزوزي; Zerouali = الزروالي; Belhaj|Belhadj|Bel Haj = بلحاج
    Achour|Ashour = عاشور
    """,
)

_DZA = _community(
    "Algerian",
    male="""
    Mohamed|Mohammed|Mohamad = محمد; Ahmed = أحمد; Abdelkader|Abdel Kader = عبد القادر
    Karim = كريم; Sofiane|Soufiane|Sufian = سفيان; Yacine|Yassine|Yasin = ياسين
    Amine|Amin = أمين; Bilal = بلال; Walid|Oualid = وليد; Nassim|Nasim = نسيم
    Riad|Riyad|Riadh = رياض; Farid = فريد; Rachid|Rashid = رشيد; Djamel|Jamal = جمال
    Hocine|Houcine|Hussein = حسين; Lakhdar = لخضر; Mourad|Murad = مراد; Nabil = نبيل
    Ilyes|Ilyas|Elias = إلياس; Sami|Samy = سامي; Khaled|Khalid = خالد
    Toufik|Taoufik|Tawfiq = توفيق; Youcef|Youssef|Yousef = يوسف; Adel|Adil = عادل
    Hamza = حمزة; Abderrahmane|Abdel Rahman|Abdulrahman = عبد الرحمن; Fares|Faris = فارس
    Zakaria|Zakariya = زكريا; Salim|Selim = سليم; Slimane|Suleiman|Soliman = سليمان
    Aissa|Issa = عيسى; Mehdi|Mahdi = مهدي; Redouane|Ridouane|Radwan = رضوان
    Hichem|Hisham = هشام; Anis = أنيس; Ayoub = أيوب; Oussama|Osama|Usama = أسامة
    Abdelhak|Abdel Haq = عبد الحق; Mustapha|Mustafa = مصطفى
    """,
    female="""
    Fatima|Fatma = فاطمة; Amina = أمينة; Khadidja|Khadija = خديجة; Nadia = نادية
    Samia = سامية; Yasmine|Yasmina = ياسمين; Meriem|Maryam = مريم; Sarah|Sara = سارة
    Nawel|Nawal = نوال; Leila|Layla = ليلى; Souad|Suad = سعاد; Karima = كريمة
    Hayet|Hayat = حياة; Djamila|Jamila = جميلة; Lamia = لمياء
    """,
    family="""
    Benali|Ben Ali = بن علي; Belkacem|Belgacem = بلقاسم; Bouzid = بوزيد
    Khelifi|Khalifi = خليفي; Mebarki = مباركي; Saidi|Saïdi = سعيدي; Hamidi = حميدي
    Boudiaf = بوضياف; Messaoudi = مسعودي; Brahimi = براهيمي; Benaissa|Ben Aissa = بن عيسى
    Cherif|Sharif = شريف; Touati = تواتي; Mansouri = منصوري; Djebbar|Jabbar = جبار
    Zerrouki = زروقي; Haddad = حداد; Kaci = قاسي; Meziane = مزيان; Larbi|Laarbi = العربي
    Belaid = بلعيد; Boukhalfa = بوخالفة; Rahmani = رحماني; Ferhat|Farhat = فرحات
    Amrani = عمراني; Benyahia|Ben Yahia = بن يحيى; Hadj Ali|Hadjali = حاج علي
    """,
)

_TUN = _community(
    "Tunisian",
    male="""
    Mohamed|Mohammed = محمد; Ahmed = أحمد; Ali = علي; Aymen|Ayman = أيمن; Wassim|Wasim = وسيم
    Mehdi = مهدي; Amine = أمين; Skander|Iskander|Eskander = إسكندر; Oussama|Osama = أسامة
    Hamza = حمزة; Bilel|Bilal = بلال; Marwen|Marwan = مروان; Anis = أنيس; Khalil = خليل
    Seifeddine|Seif Eddine|Saif al-Din = سيف الدين; Achraf|Ashraf = أشرف
    Houssem|Hussam = حسام; Fedi|Fadi = فادي; Youssef = يوسف; Ghassen|Ghassan = غسان
    Rami = رامي; Nizar = نزار
    """,
    female="""
    Amira = أميرة; Mariem|Maryam = مريم; Asma = أسماء; Ines|Inès = إيناس; Rania = رانيا
    Sana = سناء; Hela|Hala = هالة; Nour = نور; Yosra|Yusra = يسرى; Olfa = ألفة
    """,
    family="""
    Trabelsi = الطرابلسي; Ben Salah|Bensalah = بن صالح; Gharbi = الغربي; Jlassi = الجلاصي
    Hammami = الحمامي; Mejri = الماجري; Ayari = العياري; Dridi = الدريدي
    Ben Ammar|Benammar = بن عمار; Bouazizi = البوعزيزي; Sassi = الساسي
    Chaabane|Chaabani = شعبان; Khemiri = الخميري; Jebali = الجبالي; Nasri = النصري
    Riahi = الرياحي
    """,
)

_EGY = _community(
    "Egyptian",
    male="""
    Mohamed|Mohammed|Muhammad = محمد; Ahmed = أحمد; Mahmoud|Mahmud = محمود
    Mostafa|Mustafa = مصطفى; Hassan = حسن; Hussein = حسين; Ibrahim = إبراهيم; Omar = عمر
    Khaled = خالد; Amr|Amro = عمرو; Tarek|Tariq = طارق; Sherif|Sharif = شريف; Hany|Hani = هاني
    Karim = كريم; Youssef = يوسف; Abdelrahman|Abdel Rahman|Abd al-Rahman = عبد الرحمن
    Islam = إسلام; Ramy|Rami = رامي; Walid = وليد
    """,
    female="""
    Fatma|Fatima = فاطمة; Mona|Muna = منى; Heba|Hiba = هبة; Aya = آية; Nour = نور
    Mariam = مريم; Sara = سارة; Doaa|Duaa = دعاء; Rana = رنا; Esraa|Israa = إسراء
    """,
    family="""
    Abdel Aziz|Abdelaziz = عبد العزيز; El Sayed|Elsayed|Al-Sayed = السيد; Mahmoud = محمود
    Hassan = حسن; Ibrahim = إبراهيم; Mostafa = مصطفى; Soliman|Suleiman = سليمان
    Farouk|Faruq = فاروق; Ismail = إسماعيل; Gaber|Jaber = جابر; Fathy|Fathi = فتحي
    Ramadan = رمضان; Shehata|Shihata = شحاتة; Attia|Atiya = عطية
    """,
)

_LBY = _community(
    "Libyan",
    male="""
    Mohammed|Mohamed = محمد; Ahmed = أحمد; Ali = علي; Abdulsalam|Abdel Salam = عبد السلام
    Mustafa = مصطفى; Osama = أسامة; Khalifa = خليفة; Salem|Salim = سالم; Faraj|Farag = فرج
    Omar = عمر; Mahmoud = محمود; Ibrahim = إبراهيم; Abdullah = عبد الله; Naser|Nasser = ناصر
    """,
    female="""
    Fatima|Fatma = فاطمة; Aisha = عائشة; Khadija = خديجة; Salma = سلمى; Amal = أمل
    Hana|Hanaa = هناء; Asma = أسماء; Mabruka|Mabrouka = مبروكة
    """,
    family="""
    Al-Warfalli|Warfalli|El Warfalli = الورفلي; Al-Misrati|Misrati = المصراتي
    Al-Obeidi|Obeidi = العبيدي; Al-Zawi|Zawi = الزاوي; Ben Omran|Benomran = بن عمران
    Al-Tarhouni|Tarhuni = الترهوني; Al-Senussi|Senussi = السنوسي; Al-Fitouri|Fitouri = الفيتوري
    Al-Mahmoudi|Mahmoudi = المحمودي; Al-Zintani|Zintani = الزنتاني
    """,
)

_PSE = _community(
    "Palestinian",
    male="""
    Mohammed|Mohammad|Muhammad = محمد; Ahmad|Ahmed = أحمد; Mahmoud = محمود; Khaled = خالد
    Yousef|Youssef|Yusuf = يوسف; Ibrahim = إبراهيم; Omar = عمر; Ali = علي; Mustafa = مصطفى
    Saleh|Salih = صالح; Hamza = حمزة; Osama = أسامة; Anas = أنس; Mohannad|Muhannad = مهند
    Abdallah|Abdullah = عبد الله; Tamer = تامر; Fadi = فادي; Rami = رامي; Nidal = نضال
    Yazan = يزن
    """,
    female="""
    Fatima = فاطمة; Maryam|Mariam = مريم; Aya = آية; Lina|Leena = لينا; Rania = رانيا
    Dima = ديما; Hala = هالة; Noor|Nour = نور; Samah = سماح; Aseel|Asil = أسيل
    """,
    family="""
    Abu Khalil|Abukhalil = أبو خليل; Al-Masri|Masri|El Masri = المصري; Hamdan = حمدان
    Odeh|Awda|Ouda = عودة; Khalil = خليل; Nasser|Naser = ناصر; Abu Shanab = أبو شنب
    Qassem|Kassem|Qasim = قاسم; Saleh = صالح; Shaheen|Shahin = شاهين; Abu Ali = أبو علي
    Barghouti|Barghouthi = البرغوثي; Salameh|Salama = سلامة; Darwish|Darweesh = درويش
    Al-Najjar|Najjar = النجار
    """,
)

_IRQ_ARAB = _community(
    "Iraqi Arab",
    weight=0.6,
    male="""
    Mohammed|Muhammad|Mohamed|Mohammad = محمد; Ahmed|Ahmad = أحمد; Ali = علي
    Hussein|Hussain|Husein|Hossein = حسين; Hassan|Hasan = حسن; Abbas = عباس
    Haider|Haidar|Hayder = حيدر; Mustafa = مصطفى; Omar = عمر; Mahmoud|Mahmud = محمود
    Karrar = كرار; Mohanad|Muhannad = مهند; Ammar|Amar = عمار; Yasir|Yasser|Yaser = ياسر
    Zaid|Zayd|Zeid = زيد; Saif|Sayf = سيف; Abdullah|Abdallah = عبد الله
    Abdulrahman|Abdul Rahman|Abd al-Rahman|Abdel Rahman = عبد الرحمن; Ibrahim = إبراهيم
    Khalid|Khaled = خالد; Sajjad|Sajad = سجاد; Murtada|Murtadha|Mortada = مرتضى
    Hamza = حمزة; Yousif|Yousef|Yusuf|Youssef = يوسف; Qasim|Kasim|Qassim = قاسم
    Salah = صلاح; Jabbar = جبار; Muntadhar|Muntazar = منتظر; Ayad|Iyad = إياد
    Falah = فلاح; Raad|Ra'ad = رعد; Akram = أكرم; Sadiq|Sadeq = صادق; Jasim|Jassim = جاسم
    Hamid|Hameed = حميد; Kadhim|Kazem|Kazim = كاظم; Wisam|Wissam = وسام; Nabil = نبيل
    Ghassan = غسان; Laith|Layth = ليث
    """,
    female="""
    Fatima|Fatimah = فاطمة; Zainab|Zeinab|Zaynab = زينب; Maryam|Mariam = مريم
    Noor|Nour|Nur = نور; Hawraa|Hawra = حوراء; Ruqaya|Ruqayya|Rukaya = رقية
    Sara|Sarah = سارة; Huda = هدى; Shahad = شهد; Ban = بان; Duaa|Doaa = دعاء
    Israa|Esraa = إسراء
    """,
    family="""
    Al-Jubouri|Al-Juburi|Jubouri|Aljubouri = الجبوري; Al-Dulaimi|Dulaimi = الدليمي
    Al-Obaidi|Al-Ubaidi|Obaidi = العبيدي; Al-Tamimi|Tamimi = التميمي
    Al-Shammari|Shammari = الشمري; Al-Zubaidi|Zubaidi = الزبيدي
    Al-Rubaie|Al-Rubaiy|Rubaie = الربيعي; Al-Saadi|Saadi = الساعدي; Al-Kaabi|Kaabi = الكعبي
    Al-Hashimi|Hashimi = الهاشمي; Al-Khafaji|Khafaji = الخفاجي; Al-Maliki|Maliki = المالكي
    Al-Musawi|Al-Moussawi|Mousawi = الموسوي; Al-Bayati|Bayati = البياتي
    Al-Azzawi|Azzawi = العزاوي; Al-Janabi|Janabi = الجنابي; Al-Hamdani|Hamdani = الحمداني
    Al-Ani|Ani = العاني
    """,
)

# Kurdish names from Iraqi Kurdistan, in the Sorani alphabet used there.
_IRQ_KURD = _community(
    "Iraqi Kurdish",
    weight=0.4,
    male="""
    Mohammed|Muhammad|Mohamad = محەمەد; Ahmed|Ahmad = ئەحمەد; Karwan = کاروان
    Rebin|Rebeen = ڕێبین; Rebwar|Rebuar = ڕێبوار; Shwan|Shuan = شوان; Dilshad|Dlshad = دلشاد
    Hemin|Hemn = هێمن; Aram = ئارام; Azad = ئازاد; Baran = باران; Dlawar|Dilawar = دلاوەر
    Sherko|Shirko = شێرکۆ; Hawkar = هاوکار; Zana = زانا; Soran = سۆران
    Bakhtiyar|Bakhtiar = بەختیار; Kawa|Kawe = کاوە; Hiwa|Hewa = هیوا; Omed|Umed = ئومێد
    Sarkawt|Sarkaut = سەرکەوت; Ari = ئاری; Goran = گۆران; Nawzad = نەوزاد
    Hussein|Husein = حوسێن; Ali = عەلی; Omar|Umar = عومەر; Salar = سالار
    """,
    female="""
    Shilan = شیلان; Nasrin|Nesrin = نەسرین; Zhino|Jino = ژینۆ; Avin|Aveen = ئاڤین
    Dilan|Dlan = دیلان; Shirin|Sheereen = شیرین; Gulistan|Gulstan = گوڵستان
    Hana = هانا; Lana = لانا; Nishtiman|Nishtman = نیشتمان
    """,
    family="""
    Hawrami|Hawramy = هەورامی; Jaff|Jaf = جاف; Zebari|Zibari = زێباری; Doski|Duski = دۆسکی
    Sindi = سندی; Surchi = سورچی; Mahmood|Mahmud = مەحمود; Rashid|Rasheed = ڕەشید
    Kakai|Kakayi = کاکەیی; Baban = بابان; Ahmed|Ahmad = ئەحمەد; Aziz = عەزیز
    Qadir|Kadir = قادر; Salih|Saleh = ساڵح
    """,
)

_IRN = _community(
    "Persian",
    male="""
    Mohammad|Mohammed|Muhammad|Mohamad = محمد; Ali = علی
    Hossein|Hosein|Hussein|Hussain = حسین; Reza = رضا; Mehdi|Mahdi = مهدی; Amir = امیر
    Hamid = حمید; Saeed|Saeid|Said = سعید; Mohsen|Mohsin = محسن; Ahmad|Ahmed = احمد
    Hassan|Hasan = حسن; Javad = جواد; Majid|Majeed = مجید; Morteza|Murtaza = مرتضی
    Mostafa|Mustafa = مصطفی; Abbas = عباس; Behzad = بهزاد; Babak = بابک
    Dariush|Daryoush|Darioush = داریوش; Farhad = فرهاد; Kourosh|Kurosh = کوروش
    Mehran = مهران; Navid = نوید; Omid = امید; Peyman|Payman = پیمان; Pouya|Puya = پویا
    Amin = امین; Arash = آرش; Ehsan = احسان; Hadi = هادی; Iman = ایمان; Kamran = کامران
    Masoud|Masood|Masud = مسعود; Mojtaba = مجتبی; Nima = نیما; Rahim = رحیم; Sina = سینا
    Yousef|Yusuf = یوسف; Esmaeil|Ismail|Esmail = اسماعیل; Ebrahim|Ibrahim = ابراهیم
    Abolfazl|Abulfazl = ابوالفضل; Milad = میلاد; Shahab = شهاب; Vahid|Wahid = وحید
    """,
    female="""
    Fatemeh|Fatima|Fatemah = فاطمه; Zahra = زهرا; Maryam = مریم; Narges = نرگس
    Leila|Leyla = لیلا; Mahsa = مهسا; Sara = سارا; Shirin = شیرین; Parisa = پریسا
    Elham = الهام; Somayeh|Somaye = سمیه; Neda = ندا; Roya = رویا; Maedeh = مائده
    Niloofar|Niloufar|Nilufar = نیلوفر; Azadeh = آزاده; Mina = مینا; Zeinab = زینب
    """,
    family="""
    Mohammadi|Mohamadi = محمدی; Hosseini|Husseini|Hoseini = حسینی; Ahmadi = احمدی
    Rezaei|Rezaee|Rezaie = رضایی; Moradi = مرادی; Karimi = کریمی; Jafari|Jaafari = جعفری
    Rahimi = رحیمی; Hashemi = هاشمی; Mousavi|Musavi|Moussavi = موسوی
    Ghasemi|Qasemi = قاسمی; Sadeghi|Sadeqi = صادقی; Heidari|Heydari|Haidari = حیدری
    Hosseinzadeh|Hoseinzadeh = حسین زاده; Ebrahimi = ابراهیمی; Kazemi = کاظمی
    Akbari = اکبری; Ghorbani|Qorbani = قربانی; Rostami = رستمی; Salehi = صالحی
    Bagheri|Baqeri = باقری; Najafi = نجفی; Shahbazi = شهبازی; Amini = امینی
    Zarei|Zare = زارعی; Nouri|Noori = نوری; Soltani = سلطانی; Farahani = فراهانی
    Asadi = اسدی
    """,
)

_SYR_ARAB = _community(
    "Syrian Arab",
    weight=0.7,
    male="""
    Mohammad|Mohammed|Muhammad|Mohamad = محمد; Ahmad|Ahmed = أحمد; Mahmoud|Mahmud = محمود
    Khaled|Khalid = خالد; Omar = عمر; Ali = علي; Hasan|Hassan = حسن
    Hussein|Husein|Hussain|Husejn = حسين
    Abdulrahman|Abdul Rahman|Abd al-Rahman|Abdel Rahman = عبد الرحمن
    Abdullah|Abdallah = عبد الله; Yousef|Youssef|Yusuf = يوسف; Ibrahim = إبراهيم
    Mustafa = مصطفى; Bashar = بشار; Ammar = عمار; Anas = أنس; Firas = فراس
    Ghaith|Ghayth = غيث; Hamza = حمزة; Jamal = جمال; Majd = مجد; Moaz|Muath|Muaz = معاذ
    Mohannad|Muhannad = مهند; Obada|Ubada = عبادة; Osama|Usama = أسامة; Rami = رامي
    Saleh = صالح; Samer = سامر; Tarek = طارق; Wael = وائل; Yazan = يزن; Zaher = زاهر
    Kinan = كنان; Abdulkarim|Abdel Karim = عبد الكريم; Fadi = فادي; Louay|Luay = لؤي
    """,
    female="""
    Fatima = فاطمة; Maryam|Mariam = مريم; Aya = آية; Rasha = رشا; Rana = رنا; Hala = هالة
    Lama = لمى; Nour = نور; Amal = أمل; Hiba|Heba = هبة; Sham = شام; Raghad = رغد
    Ruba = ربى
    """,
    family="""
    Al-Ahmad|Alahmad|Al Ahmad = الأحمد; Al-Hassan|Alhasan = الحسن; Al-Ali|Alali = العلي
    Al-Hussein|Alhussein = الحسين; Al-Khatib|Khatib|Alkhatib = الخطيب
    Al-Halabi|Halabi = الحلبي; Al-Homsi|Homsi = الحمصي; Al-Shami|Shami = الشامي
    Al-Masri|Masri = المصري; Haddad = حداد; Kassab|Qassab = قصاب; Darwish = درويش
    Al-Hamwi|Hamwi = الحموي; Al-Mohammad|Almohammad = المحمد; Al-Omar|Alomar = العمر
    Al-Saleh|Alsaleh = الصالح; Al-Abdullah|Alabdullah = العبدالله
    """,
)

# Kurds of north-east Syria: Kurmanji names, written in Arabic script on Syrian documents.
_SYR_KURD = _community(
    "Syrian Kurdish",
    weight=0.3,
    male="""
    Mohammad|Mohammed = محمد; Ahmad|Ahmed = أحمد; Rodi = رودي; Shiyar|Şiyar = شيار
    Alan = آلان; Baran = باران; Azad = آزاد; Dilovan|Dilawan = ديلوفان; Jwan|Ciwan = جوان
    Kawa = كاوا; Serhad|Serhat = سرهد; Zagros = زاغروس; Welat|Walat = ولات; Hozan = هوزان
    Rezan = ريزان; Brusk|Birûsk = بروسك; Mahmoud = محمود; Hussein = حسين
    """,
    female="""
    Rojin|Rojîn = روجين; Berivan = بريفان; Zozan = زوزان; Nesrin|Nisrin = نسرين
    Gulistan = كولستان; Hevin|Hêvîn = هيفين; Fatima = فاطمة; Amina = أمينة
    """,
    family="""
    Sheikho|Şêxo = شيخو; Hamo|Hemo = حمو; Osso|Oso = أوسو; Mamo = مامو; Khalo = خالو
    Bakr|Bakir = بكر; Haso|Hesso = حسو; Ibo = إيبو; Ali = علي; Mustafa = مصطفى
    """,
)

# Turkey writes Latin: the variants are how Turkish letters get lost or re-spelled abroad.
_TUR = _community(
    "Turkish",
    male="""
    Mehmet|Mehmed; Mustafa; Ahmet|Ahmed; Ali; Hüseyin|Huseyin|Husein; Hasan|Hassan
    İbrahim|Ibrahim; İsmail|Ismail; Osman; Yusuf|Jusuf; Murat|Murad; Ömer|Omer|Omar
    Ramazan|Ramadan; Halil; Süleyman|Suleyman|Sulejman; Abdullah; Mahmut|Mahmud; Recep|Redzep
    Fatih; Kadir|Qadir; Emre; Burak; Serkan; Kemal|Kamal; Orhan; Cem; Yasin|Jasin; Furkan
    Onur; Enes; Hakan; Erdem; Tolga; Volkan; Selim; Abdurrahman|Abdulrahman
    Cengiz|Dzengiz; Sinan; Uğur|Ugur; Barış|Baris; Oğuz|Oguz; Serdar
    """,
    female="""
    Ayşe|Ayse|Ajse; Fatma|Fatima; Emine|Emina; Hatice|Hatidze; Zeynep|Zejnep|Zeinep; Elif
    Meryem|Merjem; Şerife|Serife; Zehra|Zahra; Esra; Büşra|Busra; Merve; Özlem|Ozlem
    Sultan; Hülya|Hulya
    """,
    family="""
    Yılmaz|Yilmaz|Jilmaz; Kaya|Kaja; Demir; Şahin|Sahin; Çelik|Celik; Yıldız|Yildiz
    Yıldırım|Yildirim; Öztürk|Ozturk; Aydın|Aydin; Özdemir|Ozdemir; Arslan|Aslan
    Doğan|Dogan; Kılıç|Kilic; Çetin|Cetin; Kara; Koç|Koc; Kurt; Özkan|Ozkan
    Şimşek|Simsek; Polat; Korkmaz; Karataş|Karatas; Güneş|Gunes; Aksoy; Tekin; Bulut
    Acar; Avcı|Avci
    """,
)

_CUB = _community(
    "Cuban",
    male="""
    José|Jose; Luis; Carlos; Juan; Jorge; Yoandri|Yoandry|Yoandy; Yosvani|Yosvany|Yosbani
    Yunior|Junior; Alejandro; Miguel; Pedro; Ernesto; Raúl|Raul; Osvaldo|Osbaldo
    Yordanis|Yordanys; Reinier|Reiner; Dayron|Dairon; Leandro; Roberto; Alexis; Daniel
    Yasmani|Yasmany; Yuniesky|Yunieski; Adrián|Adrian; Maikel|Maykel|Michael
    """,
    female="""
    María|Maria; Yanet|Yaneth; Yamilé|Yamile; Yudith|Yudit|Judith; Dayana|Dayanna
    Yaima; Lisandra|Lissandra; Yaritza|Yarisa; Ana; Daniela; Mayelín|Mayelin
    """,
    family="""
    González|Gonzalez; Rodríguez|Rodriguez; Pérez|Perez; Hernández|Hernandez; García|Garcia
    Martínez|Martinez; López|Lopez; Díaz|Diaz; Fernández|Fernandez; Sánchez|Sanchez
    Álvarez|Alvarez; Ramírez|Ramirez; Gómez|Gomez; Cruz; Castillo; Morales; Suárez|Suarez
    Reyes; Torres; Ramos; Herrera; Vázquez|Vazquez|Vasquez; Cabrera; Rojas
    """,
)

# Burundi: French given names, Kirundi family names.
_BDI = _community(
    "Burundian",
    male="""
    Jean-Claude|Jean Claude|Jeanclaude; Jean de Dieu|Jean-de-Dieu; Emmanuel; Eric; Pierre
    Joseph; Innocent; Pacifique; Égide|Egide; Fabrice; Thierry; Claude; Olivier
    Désiré|Desire; Évariste|Evariste; Léonce|Leonce; Prosper; Alexis; Gédéon|Gedeon
    Dieudonné|Dieudonne; Jérémie|Jeremie
    """,
    female="""
    Marie; Claudine; Josiane; Aline; Francine; Espérance|Esperance; Clarisse|Clarise
    Diane; Jeanine|Jeannine; Béatrice|Beatrice; Divine; Nadine
    """,
    family="""
    Ndayishimiye; Niyonzima; Nshimirimana; Ndikumana; Niyongabo; Hakizimana; Irakoze
    Nkurunziza; Bizimana; Manirakiza; Ntahomvukiye; Niyonkuru; Ndayisenga; Hatungimana
    Nduwimana; Havyarimana|Habyarimana; Niyokwizera; Iradukunda; Ndayizeye; Nizigiyimana
    """,
)

# India: mostly Punjabi Sikh and Hindi-belt names among arrivals in the Balkans.
_IND = _community(
    "Punjabi and Hindi",
    male="""
    Gurpreet|Gurprit; Manpreet|Manprit; Harpreet|Harprit; Jaspreet|Jasprit
    Sukhwinder|Sukhvinder; Baljit|Baljeet; Kuldeep|Kuldip; Mandeep|Mandip
    Amandeep|Amandip; Harjit|Harjeet; Lovepreet|Loveprit; Rahul; Amit; Suresh; Rajesh
    Ramesh; Sunil; Vijay|Vijai; Sandeep|Sandip; Ravi; Deepak|Dipak; Anil; Arjun; Vikram
    Manoj; Sanjay|Sanjai; Pradeep|Pradip; Rakesh; Mohit; Ankit
    """,
    female="""
    Priya; Pooja|Puja; Sunita; Anita; Neha; Simran; Kavita|Kavitha; Rekha; Ritu
    Manpreet; Harpreet; Jaspreet
    """,
    family="""
    Singh; Kumar; Sharma; Verma|Varma; Gupta; Patel; Yadav; Sandhu; Gill; Sidhu; Dhillon
    Grewal; Brar; Mann; Chauhan|Chouhan; Rana; Thakur; Mishra|Misra; Pandey|Pande; Saini
    Bajwa
    """,
)

_NPL = _community(
    "Nepali",
    male="""
    Ram; Hari; Krishna; Bishnu|Vishnu; Shyam|Syam; Sanjay; Rajesh; Suman; Prakash
    Dipak|Deepak; Bikash|Bikas|Vikash; Santosh|Santos; Roshan; Anil; Bijay|Vijay
    Nabin|Navin|Naveen; Sagar; Binod|Vinod; Ramesh; Dinesh; Kamal; Suraj; Sunil; Rabin|Robin
    """,
    female="""
    Sita; Gita|Geeta; Sabina; Sunita; Anita; Laxmi|Lakshmi; Sarita; Manisha; Pooja|Puja
    Kamala
    """,
    family="""
    Shrestha|Srestha; Tamang; Gurung; Magar; Rai; Limbu; Thapa; Karki; Adhikari; Khadka
    Bhattarai; Poudel|Paudel|Paudyal; Sharma; Basnet; KC|K.C.; Lama; Sherpa; Tharu
    Yadav; Chaudhary|Chaudhari
    """,
)

POOLS: dict[str, NamePool] = {
    "AFG": NamePool("AFG", "arabic", (_AFG,)),
    "PAK": NamePool("PAK", "arabic", (_PAK,)),
    "BGD": NamePool("BGD", "bengali", (_BGD,)),
    "MAR": NamePool("MAR", "arabic", (_MAR,)),
    "IRQ": NamePool("IRQ", "arabic", (_IRQ_ARAB, _IRQ_KURD)),
    "IRN": NamePool("IRN", "arabic", (_IRN,)),
    "SYR": NamePool("SYR", "arabic", (_SYR_ARAB, _SYR_KURD)),
    "DZA": NamePool("DZA", "arabic", (_DZA,)),
    "TUR": NamePool("TUR", "latin", (_TUR,)),
    "CUB": NamePool("CUB", "latin", (_CUB,)),
    "BDI": NamePool("BDI", "latin", (_BDI,)),
    "IND": NamePool("IND", "latin", (_IND,)),
    "NPL": NamePool("NPL", "latin", (_NPL,)),
    "TUN": NamePool("TUN", "arabic", (_TUN,)),
    "EGY": NamePool("EGY", "arabic", (_EGY,)),
    "LBY": NamePool("LBY", "arabic", (_LBY,)),
    "PSE": NamePool("PSE", "arabic", (_PSE,)),
}


def pool_for(nationality: str) -> NamePool:
    return POOLS[nationality]
