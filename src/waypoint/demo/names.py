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


def name_entries(text: str) -> tuple[Name, ...]:
    """The entries of a pool text (``Latin|variant = original; ...``), in order."""
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
    return NameCommunity(
        label, weight, name_entries(male), name_entries(female), name_entries(family)
    )


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
    Mahmood|Mahmoud|Mahmud = محمود; Ghulam|Gholam = غلام; Gul Ahmad = گل احمد
    Abdul Ghafoor|Abdul Ghafur|Abdulghafoor = عبدالغفور
    Abdul Qadir|Abdul Qader|Abdulqadir = عبدالقادر; Abdul Wahid|Abdulwahid = عبدالواحد
    Abdul Karim|Abdulkarim|Abdul Kareem = عبدالکریم; Abdul Hadi = عبدالهادی
    Abdul Basir|Abdul Baseer = عبدالبصیر; Abdul Latif|Abdullatif = عبداللطیف
    Abdul Hakim|Abdul Hakeem = عبدالحکیم; Abdul Samad|Abdussamad = عبدالصمد
    Abdul Malik = عبدالملک; Abdul Jabar|Abdul Jabbar = عبدالجبار; Abdul Wali = عبدالولی
    Abdul Hamid|Abdul Hameed = عبدالحمید; Abdul Majid|Abdul Majeed = عبدالمجید
    Abdul Aziz|Abdulaziz = عبدالعزیز; Abdul Qayum|Abdul Qayyum|Abdul Qayoom = عبدالقیوم
    Abdul Salam|Abdussalam = عبدالسلام; Abdul Ahad = عبدالاحد; Abdul Bari = عبدالباری
    Abdul Manan|Abdul Mannan = عبدالمنان; Abdul Haq|Abdulhaq = عبدالحق
    Abdul Shakoor|Abdul Shakur = عبدالشکور; Abdul Khaliq = عبدالخالق
    Abdul Matin|Abdul Mateen = عبدالمتین; Abdul Ghani = عبدالغنی
    Abdul Razaq|Abdul Razzaq = عبدالرزاق; Abdul Wahab|Abdul Wahhab = عبدالوهاب
    Abdul Jalil|Abdul Jaleel = عبدالجلیل; Abdul Qahar|Abdul Qahhar = عبدالقهار
    Sher Ahmad|Shir Ahmad = شیر احمد; Sher Ali|Shir Ali = شیر علی
    Gul Mohammad|Gul Muhammad = گل محمد; Noor Mohammad|Nur Mohammad = نور محمد
    Noor Ahmad|Nur Ahmad = نور احمد; Dost Mohammad = دوست محمد; Ahmad Shah = احمد شاه
    Nazir|Nazeer = نذیر; Bashir|Basheer = بشیر; Nazar = نظر; Nabi = نبی
    Ziaullah|Ziaulla = ضیاءالله; Aminullah|Aminulla = امین الله; Amanullah|Amanulla = امان الله
    Daud|Dawood|Dawud|Davood = داود; Sulaiman|Suleiman|Soleiman|Sulayman = سلیمان
    Ibrahim|Ebrahim = ابراهیم; Musa|Mousa = موسی; Isa|Eisa|Issa = عیسی
    Yaqub|Yaqoob|Yakub = یعقوب; Ishaq|Eshaq = اسحاق; Yunus|Younus|Younes = یونس
    Zakaria|Zakariya = زکریا; Yahya|Yahia = یحیی; Ilyas|Elyas|Ilias = الیاس
    Hamidullah|Hamidulla = حمیدالله; Hayatullah|Hayatulla = حیات الله
    Lutfullah|Lotfullah = لطف الله; Saifullah|Sayfullah = سیف الله
    Obaidullah|Ubaidullah = عبیدالله; Inayatullah|Enayatullah = عنایت الله
    Sanaullah|Sanaulla = ثناءالله; Atiqullah|Ateequllah = عتیق الله
    Rafiullah|Rafiulla = رفیع الله; Shafiullah|Shafiulla = شفیع الله
    Fazlullah|Fazalullah = فضل الله; Khalilullah|Khalilulla = خلیل الله
    Azizullah|Azizulla = عزیزالله; Wahidullah|Waheedullah = وحیدالله
    Nematullah|Niamatullah|Naimatullah = نعمت الله; Qudratullah|Qudratulla = قدرت الله
    Ruhullah|Rohullah|Rohulla = روح الله; Mujibullah|Mujeebullah = مجیب الله
    Sharifullah|Sharifulla = شریف الله; Hafizullah|Hafeezullah = حفیظ الله
    Amrullah|Amrulla = امرالله; Matiullah|Mateeullah = مطیع الله
    Mohibullah|Muhibullah = محب الله; Ikramullah|Ekramullah = اکرام الله
    Nasrullah|Nasrulla = نصرالله; Ahmadullah|Ahmadulla = احمدالله
    Rahimullah|Rahimulla = رحیم الله; Shamsullah|Shamsulla = شمس الله
    Shukrullah|Shukrulla = شکرالله; Jalal = جلال; Jamal = جمال; Kamal = کمال; Fazel|Fazil = فاضل
    Nadir|Nader = نادر; Akbar = اکبر; Asghar|Asgar = اصغر; Mahdi|Mehdi = مهدی
    Murtaza|Mortaza = مرتضی; Sajjad|Sajad = سجاد; Abbas = عباس; Baqir|Baqer|Bagher = باقر
    Kazim|Kazem = کاظم; Taqi = تقی; Sadiq|Sadeq = صادق; Shahid|Shahed = شاهد
    Sharif|Shareef = شریف; Latif|Lateef = لطیف; Aziz = عزیز; Jalil|Jaleel = جلیل
    Khalil|Khaleel = خلیل; Salim|Saleem = سلیم; Nasim|Naseem = نسیم; Wasim|Waseem = وسیم
    Fahim|Faheem = فهیم; Hakim|Hakeem = حکیم; Hashim|Hashem = هاشم; Qadir|Qader = قادر
    Zahir|Zaher = ظاهر; Tahir|Taher = طاهر; Nazim|Nazem = ناظم; Rafi|Rafee = رفیع
    Sami|Samee = سمیع; Ajmal = اجمل; Akmal = اکمل; Jamil|Jameel = جمیل; Shakir|Shaker = شاکر
    Sabir|Saber = صابر; Hamed|Haamed = حامد; Mansoor|Mansur|Mansour = منصور
    Nawid|Navid|Naveed = نوید; Farhad = فرهاد; Fardin = فردین; Arif|Aref = عارف
    Atiq|Ateeq = عتیق; Mujtaba|Mojtaba = مجتبی; Mahboob|Mahbub = محبوب; Mohsin|Mohsen = محسن
    Muslim = مسلم; Nisar|Nesar = نثار; Parwiz|Parviz|Perwiz = پرویز; Qais|Qays|Kais = قیس
    Siddiq|Sediq|Siddique = صدیق; Zarif|Zareef = ظریف; Ashraf = اشرف; Baryalai|Baryalay = بریالی
    Aimal|Emal|Aymal = ایمل; Mujahid = مجاهد; Hemat|Himmat = همت; Ramin = رامین
    Rasul|Rasool = رسول; Sardar = سردار; Sakhi = سخی; Mukhtar|Mokhtar = مختار
    Samim|Sameem = صمیم; Tamim|Tameem = تمیم; Wakil|Wakeel = وکیل; Zubair|Zobair = زبیر
    Omar|Umar = عمر; Usman|Osman = عثمان; Hamza|Hamzah = حمزه; Anwar = انور; Akhtar = اختر
    Sultan|Soltan = سلطان; Amin|Ameen = امین; Naeem|Naim = نعیم; Kabir|Kabeer = کبیر
    Munir|Muneer = منیر; Murad|Morad = مراد; Ayub|Ayoub = ایوب; Sabur|Saboor = صبور
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
    Zarmina = زرمینه; Malalai|Malalay = ملالی; Nadia = نادیه; Hamida = حمیده
    Zakia|Zakiya = ذکیه; Farida|Fareeda = فریده; Rahima = رحیمه; Karima = کریمه; Shakila = شکیله
    Jamila|Jameela = جمیله; Nasrin|Nasreen = نسرین; Rahila = راحیله; Fahima|Fahimeh = فهیمه
    Hafiza = حفیظه; Latifa|Lateefa = لطیفه; Aziza = عزیزه; Sharifa = شریفه
    Nooria|Nuria|Nooriya = نوریه; Habiba = حبیبه; Hakima = حکیمه; Amina|Ameena = امینه
    Asma = اسما; Sima = سیما; Homa|Huma = هما; Palwasha = پلوشه; Madina = مدینه
    Arezo|Arzo|Arezoo = آرزو; Sabira = صابره; Tahmina|Tahmineh = تهمینه; Nazifa = نظیفه
    Najiba = نجیبه; Wahida = وحیده; Mahnaz = مهناز; Shahla = شهلا; Kulsum|Gulsum|Kulthum = کلثوم
    Muzhgan|Mozhgan = مژگان; Sadaf = صدف; Rabia = رابعه; Safia|Safiya = صفیه; Sultana = سلطانه
    Nafisa|Nafiseh = نفیسه; Samira = سمیره; Somaya|Somaia|Sumaya = سمیه; Shafiqa = شفیقه
    Kobra|Kubra = کبری; Sughra|Soghra = صغری; Hawa|Hava = حوا; Mahjabin = مهجبین
    Fawzia|Fauzia = فوزیه; Marwa = مروه; Yalda = یلدا; Zohra|Zuhra = زهره; Husna = حسنا
    Shirin|Shireen = شیرین; Parisa = پریسا; Mahtab = مهتاب; Tamana|Tamanna = تمنا; Ziba = زیبا
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
    Zadran = زدران; Mangal = منگل; Kakar = کاکر; Achakzai|Achekzai = اچکزی
    Noorzai|Nurzai = نورزی; Ishaqzai|Eshaqzai = اسحاقزی; Alokozai|Alikozai|Alkozai = الکوزی
    Popalzai = پوپلزی; Mohammadzai|Muhammadzai = محمدزی; Tokhi = توخی; Kharoti = خروتی
    Sulaimankhel|Suleimankhel = سلیمانخیل; Totakhil|Totakhel = توتاخیل; Jaji = جاجی
    Ibrahimkhel = ابراهیمخیل; Omarkhel|Umarkhel = عمرخیل; Zazai = زازی
    Khogyani|Khugiani|Khogiani = خوگیانی; Shirzad|Sherzad = شیرزاد; Afridi = آفریدی
    Wazir = وزیر; Orakzai = اورکزی; Daulatzai|Dawlatzai = دولتزی; Baloch|Baluch = بلوچ
    Sherzai = شیرزی; Jabarkhel|Jabbarkhel = جبارخیل; Mandozai = مندوزی; Sadozai = سدوزی
    Faizi|Faizy = فیضی; Azimi|Azimy = عظیمی; Naimi|Naeemi = نعیمی; Wahidi|Vahidi = وحیدی
    Hamidi|Hamidy = حمیدی; Majidi = مجیدی; Saeedi|Saidi = سعیدی; Rashidi|Rasheedi = رشیدی
    Latifi = لطیفی; Salimi|Saleemi = سلیمی; Jalali|Jalaly = جلالی; Kamali = کمالی
    Jamali = جمالی; Mansoori|Mansouri|Mansuri = منصوری; Ghafari|Ghaffari = غفاری
    Mirzaei|Mirzai|Mirzaie = میرزایی; Musawi|Mousavi|Musavi = موسوی; Alawi|Alavi = علوی
    Sediqi|Siddiqi|Sadiqi = صدیقی; Sadeqi|Sadeghi = صادقی; Qurbani|Ghorbani = قربانی
    Ghulami|Gholami = غلامی; Osmani|Usmani|Othmani = عثمانی; Omari|Umari = عمری
    Farooqi|Faruqi = فاروقی; Yaqubi|Yaqoobi|Yakubi = یعقوبی; Yousufi|Yusufi|Yosufi = یوسفی
    Ismaili|Esmaili = اسماعیلی; Daudi|Dawoodi|Davoodi = داودی; Sulaimani|Soleimani = سلیمانی
    Jawadi|Javadi = جوادی; Hassani|Hasani = حسنی; Alizada|Alizadah|Alizadeh = علیزاده
    Muradi|Moradi = مرادی; Bakhtiari|Bakhtyari = بختیاری; Arian|Aryan = آرین; Kabiri = کبیری
    Ansari = انصاری; Qureshi|Quraishi = قریشی; Mujaddidi|Mojaddedi = مجددی
    Gilani|Gailani = گیلانی; Naqshbandi = نقشبندی; Sarwari|Sarwary = سروری
    Mohseni|Muhsini = محسنی; Fazli = فضلی; Anwari = انوری; Khalili = خلیلی
    Nadiri|Naderi = نادری; Taheri|Tahiri = طاهری; Zaheri|Zahiri = ظاهری; Hamdard = همدرد
    Rahmati = رحمتی; Nawabi = نوابی; Nikzad = نیکزاد; Yari|Yary = یاری; Asadi = اسدی
    Asghari = اصغری; Ghaznavi|Ghaznawi = غزنوی; Kabuli = کابلی; Herawi|Heravi = هروی
    Balkhi = بلخی; Kandahari = کندهاری; Panjshiri = پنجشیری; Badakhshi = بدخشی; Logari = لوگری
    Ghori|Ghuri = غوری; Parwani = پروانی; Kohistani = کوهستانی; Samangani = سمنگانی
    Baghlani = بغلانی; Nangarhari = ننگرهاری; Laghmani = لغمانی; Helmandi = هلمندی
    Farahi = فراهی; Herati = هراتی; Badghisi = بادغیسی; Faryabi = فاریابی
    Jawzjani|Jowzjani = جوزجانی; Takhari = تخاری; Nuristani|Noorestani = نورستانی
    Shahidi = شهیدی; Sabiri|Saberi = صابری; Shakiri|Shakeri = شاکری; Ashrafi = اشرفی
    Akrami = اکرمی; Faqiri = فقیری; Jami = جامی; Qasimi|Qasemi|Ghasemi = قاسمی; Safari = صفری
    Nasimi|Naseemi = نسیمی; Wafa = وفا; Waziri = وزیری; Noorani|Nurani = نورانی; Zamani = زمانی
    Mahmoodi|Mahmudi = محمودی; Najibi = نجیبی; Obaidi|Ubaidi = عبیدی; Shamsi = شمسی
    Amini|Aminy = امینی; Tajik|Tajek = تاجیک; Kochi|Kuchi = کوچی
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
    Abdul Ghaffar|Abdul Ghafar = عبدالغفار; Abdul Qadir|Abdul Qadeer|Abdul Kadir = عبدالقادر
    Abdul Majeed|Abdul Majid = عبدالمجید; Abdul Hameed|Abdul Hamid = عبدالحمید
    Abdul Razzaq|Abdul Razaq|Abdul Razak = عبدالرزاق; Abdul Sattar = عبدالستار
    Abdul Jabbar|Abdul Jabar = عبدالجبار; Abdul Rasheed|Abdul Rashid = عبدالرشید
    Abdul Aziz = عبدالعزیز; Abdul Latif|Abdul Lateef = عبداللطیف
    Abdul Wahab|Abdul Wahhab = عبدالوہاب; Abdul Ghani = عبدالغنی
    Abdul Karim|Abdul Kareem = عبدالکریم; Abdul Khaliq = عبدالخالق; Abdul Basit = عبدالباسط
    Abdul Qayyum|Abdul Qayum|Abdul Qayoom = عبدالقیوم; Abdul Hafeez|Abdul Hafiz = عبدالحفیظ
    Abdul Shakoor|Abdul Shakur = عبدالشکور; Abdul Salam|Abdul Salaam = عبدالسلام
    Abdul Manan|Abdul Mannan = عبدالمنان; Abdul Wahid|Abdul Waheed = عبدالواحد
    Abdul Malik = عبدالمالک; Abdul Haq|Abdul Haque = عبدالحق; Abdul Samad = عبدالصمد
    Amjad = امجد; Arshad = ارشد; Asad = اسد; Aslam = اسلم; Akram = اکرم; Azhar = اظہر
    Babar|Babur = بابر; Fahad|Fahd = فہد; Fahim|Faheem = فہیم; Farooq|Faruq|Farook = فاروق
    Fawad|Fuad = فواد; Ghulam = غلام; Hafeez|Hafiz = حفیظ; Hamid|Haamid = حامد; Hameed = حمید
    Iftikhar = افتخار; Ijaz|Ejaz = اعجاز; Ikram = اکرام; Imtiaz|Imtiyaz = امتیاز
    Inam|Inaam = انعام; Iqbal = اقبال; Ishfaq = اشفاق; Ishtiaq|Ishtiaque = اشتیاق; Israr = اسرار
    Jahangir = جہانگیر; Javed|Javaid|Javid = جاوید; Kaleem|Kalim = کلیم; Khalid|Khaled = خالد
    Liaqat|Liaquat = لیاقت; Mahmood|Mehmood|Mahmud = محمود; Manzoor|Manzur = منظور
    Masood|Masud|Masoud = مسعود; Mazhar = مظہر; Mehboob|Mahboob = محبوب; Mohsin|Mohsen = محسن
    Mubashir|Mubashar = مبشر; Mujahid = مجاہد; Mukhtar = مختار; Munir|Muneer = منیر
    Mushtaq = مشتاق; Naeem|Naim = نعیم; Nasir|Nasser = ناصر; Naseer = نصیر
    Nauman|Noman|Numan = نعمان; Nisar|Nasar = نثار; Noor|Nur = نور
    Pervaiz|Parvez|Pervez|Parvaiz = پرویز; Qasim|Kasim = قاسم; Rafiq|Rafique = رفیق
    Rashid|Rasheed = رشید; Raza = رضا; Riaz|Riyaz = ریاض; Sadiq|Sadique = صادق
    Saeed|Said = سعید; Safdar = صفدر; Sajjad|Sajad = سجاد; Salman = سلمان
    Samiullah|Sami Ullah = سمیع اللہ; Sanaullah|Sana Ullah = ثناءاللہ; Shafiq|Shafique = شفیق
    Shakeel|Shakil = شکیل; Shahbaz = شہباز; Shoaib|Shuaib = شعیب; Shakir = شاکر; Sultan = سلطان
    Tahir = طاہر; Talha = طلحہ; Tanveer|Tanvir = تنویر; Tauseef|Tousif = توصیف
    Tauqeer|Touqeer = توقیر; Umair = عمیر; Waheed|Wahid = وحید; Wajid = واجد; Waqar = وقار
    Yasin|Yaseen = یاسین; Younas|Younis|Yunus = یونس; Yousaf|Yousuf|Yusuf = یوسف; Zafar = ظفر
    Zahid = زاہد; Zaheer|Zahir = ظہیر; Zulfiqar|Zulfikar = ذوالفقار; Akhtar = اختر; Anwar = انور
    Asghar = اصغر; Akbar = اکبر; Afzal = افضل; Aftab = آفتاب; Ahsan = احسن; Anees|Anis = انیس
    Aqeel|Aqil = عقیل; Arif = عارف; Ashfaq = اشفاق; Ashraf = اشرف; Ayaz = ایاز; Azam = اعظم
    Aziz = عزیز; Basharat = بشارت; Daniyal|Danyal = دانیال; Dilawar = دلاور; Fayyaz|Fayaz = فیاض
    Gulzar = گلزار; Habib = حبیب; Haider|Haidar|Hyder = حیدر; Hanif|Haneef = حنیف; Hashim = ہاشم
    Hasnain|Hussnain = حسنین; Ibrahim = ابراہیم; Idrees|Idris = ادریس; Ilyas = الیاس
    Ismail = اسماعیل; Ishaq = اسحاق; Jawad = جواد; Khizar|Khizer = خضر; Maqsood|Maqsud = مقصود
    Moin|Mueen = معین; Mumtaz = ممتاز; Murad = مراد; Mustafa = مصطفی; Nabeel|Nabil = نبیل
    Nazir|Nazeer = نذیر; Obaid|Ubaid = عبید; Qamar = قمر; Rehan|Raihan = ریحان; Saad = سعد
    Sabir = صابر; Saleem|Salim = سلیم; Sarfraz = سرفراز; Shafqat = شفقت; Shamshad = شمشاد
    Sharif|Shareef = شریف; Sikandar = سکندر; Suleman|Sulaiman|Sulman = سلیمان
    Taimur|Taimoor|Timur = تیمور; Tayyab|Tayyib = طیب; Wasif = واصف; Zain = زین; Zakir = ذاکر
    Zia = ضیاء; Mansoor|Mansur = منصور; Nadir = نادر; Ataullah|Ata Ullah = عطاءاللہ
    Inayat = عنایت; Hidayat = ہدایت; Rahmat|Rehmat = رحمت; Barkat = برکت; Nazar = نظر
    Shaukat|Shoukat = شوکت; Sadaqat = صداقت; Usama|Osama = اسامہ; Huzaifa|Hozaifa = حذیفہ
    Subhan = سبحان; Hammad = حماد; Sufyan|Sufian = سفیان; Muzammil = مزمل; Mubeen = مبین
    Mateen = متین; Faizan = فیضان; Furqan = فرقان; Waleed|Walid = ولید; Zaid|Zayd = زید
    Anas = انس; Aqib = عاقب; Wahab = وہاب
    """,
    female="""
    Ayesha|Aisha|Aysha = عائشہ; Fatima|Fatimah = فاطمہ; Sana = ثنا; Amna|Amina = آمنہ
    Saima = صائمہ; Nadia = نادیہ; Rabia|Rabiya = رابعہ; Bushra = بشری; Shazia = شازیہ
    Nazia = نازیہ; Sadia = سعدیہ; Hina = حنا; Mehwish|Mahwish = مہوش; Uzma = عظمی
    Zainab|Zaynab = زینب; Kiran = کرن; Rukhsana = رخسانہ; Samina|Sameena = ثمینہ
    Parveen|Perveen|Parvin = پروین; Farzana = فرزانہ
    Asma = اسماء; Nasreen|Nasrin = نسرین; Shabana = شبانہ; Naseem|Nasim = نسیم
    Shamim|Shameem = شمیم; Tahira = طاہرہ; Nusrat = نصرت; Iram|Irum = ارم; Sidra = سدرہ
    Maria|Mariya = ماریہ; Maryam|Mariam = مریم; Khadija|Khadijah = خدیجہ; Hafsa = حفصہ
    Aqsa = اقصی; Iqra = اقراء; Mehreen = مہرین; Saba = صبا; Sumaira|Sumera = سمیرا
    Shahida = شاہدہ; Zahida = زاہدہ; Abida = عابدہ; Naheed|Nahid = ناہید; Rubina|Robina = روبینہ
    Yasmin|Yasmeen = یاسمین; Tabassum = تبسم; Shagufta = شگفتہ; Kausar|Kauser|Kosar = کوثر
    Razia = رضیہ; Sajida = ساجدہ; Nabila|Nabeela = نبیلہ; Faiza = فائزہ; Rehana|Raihana = ریحانہ
    Nighat = نگہت; Shaista = شائستہ; Anam|Anum = انعم; Ambreen = عنبرین; Sobia = صوبیہ
    Hira = حرا; Noor|Nur = نور; Sumbal|Sumbul = سنبل; Fouzia|Fauzia = فوزیہ; Gulnaz = گلناز
    Naila = نائلہ; Lubna = لبنی; Sadaf = صدف; Huma = ہما; Farah = فرح; Rizwana = رضوانہ
    Musarrat = مسرت; Zubaida = زبیدہ; Sughra = صغری; Kulsoom|Kulsum = کلثوم
    Hajra|Hajira = ہاجرہ; Bilqees|Bilquis = بلقیس; Ghazala = غزالہ; Shahnaz|Shehnaz = شہناز
    Attiya|Atiya = عطیہ; Nargis = نرگس; Zahra = زہرا; Laiba = لائبہ; Javeria|Javairia = جویریہ
    Misbah = مصباح; Humaira = حمیرا; Mehak|Mahak = مہک; Rimsha = رمشا; Nimra = نمرہ
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
    Baloch|Baluch = بلوچ; Memon = میمن; Ansari = انصاری; Farooqi|Faruqi = فاروقی; Hashmi = ہاشمی
    Naqvi = نقوی; Rizvi|Rizwi = رضوی; Jafri|Jafferi = جعفری; Zaidi = زیدی; Kazmi = کاظمی
    Bukhari = بخاری; Gilani|Gillani = گیلانی; Hamdani = ہمدانی; Usmani|Osmani = عثمانی
    Alvi|Alavi = علوی; Kirmani = کرمانی; Tirmizi = ترمذی; Shirazi = شیرازی; Durrani = درانی
    Yousaf|Yusuf = یوسف; Arain|Araeen = آرائیں; Dogar = ڈوگر; Virk = ورک; Bajwa = باجوہ
    Sandhu = سندھو; Sidhu = سدھو; Randhawa = رندھاوا; Warraich|Waraich = وڑائچ; Tarar = تارڑ
    Ghuman|Ghumman = گھمن; Chattha|Chatha = چٹھہ; Sahi = ساہی; Kahlon = کاہلوں; Gill = گل
    Dhillon = ڈھلوں; Sial = سیال; Khokhar = کھوکھر; Janjua = جنجوعہ; Kiyani|Kayani|Kiani = کیانی
    Satti = ستی; Minhas = منہاس; Chohan|Chauhan = چوہان; Bhutto = بھٹو; Soomro = سومرو
    Jatoi = جتوئی; Junejo = جونیجو; Leghari = لغاری; Mazari = مزاری; Khosa = کھوسہ
    Lashari = لاشاری; Magsi = مگسی; Talpur = ٹالپر; Chandio = چانڈیو; Abro = ابڑو; Brohi = بروہی
    Mengal = مینگل; Bugti = بگٹی; Marri = مری; Rind = رند; Jamali = جمالی; Kakar = کاکڑ
    Achakzai = اچکزئی; Tareen|Tarin = ترین; Niazi = نیازی; Marwat = مروت; Bangash = بنگش
    Orakzai = اورکزئی; Mohmand = مہمند; Shinwari = شنواری; Wazir = وزیر; Mehsud|Mahsud = محسود
    Swati = سواتی; Tanoli = تنولی; Jadoon|Jadun = جدون; Dar = ڈار; Lone = لون; Mir = میر
    Wani = وانی; Kashmiri = کشمیری; Lodhi|Lodi = لودھی; Ghauri|Ghori = غوری; Baig|Beg = بیگ
    Mirza = مرزا; Barlas = برلاس; Qazi|Kazi = قاضی; Syed|Sayed|Saiyed = سید; Hafeez = حفیظ
    Hameed = حمید; Majeed = مجید; Rasheed|Rashid = رشید; Rauf = رؤف; Shafi|Shafee = شفیع
    Sadiq = صادق; Tahir = طاہر; Zafar = ظفر; Ashraf = اشرف; Akram = اکرم; Arshad = ارشد
    Asghar = اصغر; Khalid = خالد; Shahzad = شہزاد; Haider|Hyder = حیدر; Abbas = عباس
    Hassan|Hasan = حسن; Hanif = حنیف; Ishaq = اسحاق; Ismail = اسماعیل; Ilyas = الیاس
    Ghani = غنی; Rafiq|Rafique = رفیق; Sharif = شریف; Mushtaq = مشتاق; Nadeem = ندیم
    Waheed = وحید; Jamil|Jameel = جمیل; Kamal = کمال; Jamal = جمال; Akbar = اکبر; Hayat = حیات
    Zaman = زمان; Din|Deen = دین; Khalil = خلیل; Sultan = سلطان; Nazir|Nazeer = نذیر
    Mustafa = مصطفی; Yaqoob|Yaqub = یعقوب; Sabir = صابر; Saeed = سعید; Masood = مسعود
    Ijaz|Ejaz = اعجاز; Imtiaz = امتیاز; Sarwar = سرور; Shaukat = شوکت
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
    Ali = আলী; Abdur Rahman|Abdur Rahaman = আব্দুর রহমান; Abdur Rahim|Abdur Raheem = আব্দুর রহিম
    Abdul Malek|Abdul Malik = আব্দুল মালেক; Abdul Mannan = আব্দুল মান্নান
    Abdul Hamid = আব্দুল হামিদ; Abdul Aziz = আব্দুল আজিজ; Abdul Jalil = আব্দুল জলিল
    Abdul Latif = আব্দুল লতিফ; Abdul Majid|Abdul Mazid = আব্দুল মজিদ
    Abdul Awal|Abdul Awwal = আব্দুল আউয়াল
    Abdul Khaleque|Abdul Khalek|Abdul Khaliq = আব্দুল খালেক; Abdur Rouf|Abdur Rauf = আব্দুর রউফ
    Abdus Salam|Abdus Salaam = আব্দুস সালাম; Abdus Sattar = আব্দুস সাত্তার
    Abdul Alim = আব্দুল আলিম; Abdul Gafur|Abdul Gafoor|Abdul Ghafur = আব্দুল গফুর
    Abdul Quddus|Abdul Kuddus = আব্দুল কুদ্দুস; Abdul Hannan = আব্দুল হান্নান
    Abdul Halim = আব্দুল হালিম; Abdul Karim = আব্দুল করিম; Abdul Hakim = আব্দুল হাকিম
    Abul Kalam = আবুল কালাম; Abul Kashem|Abul Kasem = আবুল কাশেম
    Abu Bakar|Abu Bakr|Abubakar = আবু বকর; Abu Taher = আবু তাহের; Abu Sayed|Abu Said = আবু সাঈদ
    Al Amin|Al-Amin|Alamin = আল আমিন; Mahmud|Mahmood = মাহমুদ; Mahbub|Mahboob|Mahabub = মাহবুব
    Mahbubur = মাহবুবুর; Mahfuz|Mahfuj = মাহফুজ; Mohiuddin|Mohiudin = মহিউদ্দিন
    Nasir|Naser = নাসির; Nurul Islam = নুরুল ইসলাম; Nurul Amin = নুরুল আমিন
    Nurul Haque|Nurul Hoque = নুরুল হক; Nur|Noor = নূর; Rafiqul|Rafikul = রফিকুল
    Rezaul = রেজাউল; Rezaul Karim = রেজাউল করিম; Rashedul = রাশেদুল; Rakibul = রাকিবুল
    Rabiul|Robiul = রবিউল; Rahat = রাহাত; Rifat = রিফাত; Riyad|Riad = রিয়াদ; Ripon = রিপন
    Liton|Litton = লিটন; Lutfur = লুৎফুর; Kamrul = কামরুল; Kabir = কবির; Khairul = খায়রুল
    Kawsar|Kausar|Kawser = কাওসার; Kamruzzaman|Kamruzaman = কামরুজ্জামান
    Moniruzzaman|Moniruzaman = মনিরুজ্জামান; Asaduzzaman|Asaduzaman = আসাদুজ্জামান
    Shahidul = শহিদুল; Shariful = শরিফুল; Sharif|Shareef = শরীফ; Shakil|Shakeel = শাকিল
    Shanto|Santo = শান্ত; Shohag|Sohag = সোহাগ; Sojib|Sajib = সজীব; Sujon|Sujan = সুজন
    Sohan = সোহান; Sajjad = সাজ্জাদ; Sajid = সাজিদ; Saddam = সাদ্দাম
    Salauddin|Salahuddin|Salahudin = সালাউদ্দিন; Zakir|Jakir = জাকির
    Zakaria|Jakaria = জাকারিয়া; Zahirul|Jahirul = জহিরুল; Jahidul|Zahidul = জাহিদুল
    Jubayer|Zubair|Jubair = জুবায়ের; Joynal|Zainal = জয়নাল; Jashim|Jasim = জসিম; Jalal = জালাল
    Jamil|Jameel = জামিল; Hafiz|Hafij = হাফিজ; Hafizur = হাফিজুর; Habibur = হাবিবুর
    Hamidul = হামিদুল; Harun|Haroon = হারুন; Helal = হেলাল; Humayun|Humaun = হুমায়ুন
    Ibrahim = ইব্রাহিম; Ismail = ইসমাইল; Ishaq|Ishak = ইসহাক; Iqbal|Ikbal = ইকবাল; Ikram = ইকরাম
    Idris = ইদ্রিস; Ilias|Ilyas = ইলিয়াস; Enamul|Inamul = এনামুল; Ershad = এরশাদ; Ahsan = আহসান
    Ahsanul = আহসানুল; Azad = আজাদ; Aziz = আজিজ; Azizul = আজিজুল; Atiqur|Atikur = আতিকুর
    Ashraful = আশরাফুল; Asif = আসিফ; Anisur = আনিসুর; Anis = আনিস; Amir = আমির; Akash = আকাশ
    Bashir = বশির; Belal|Bilal = বেলাল; Delwar|Dilwar = দেলোয়ার; Dulal = দুলাল
    Enayet|Inayat = এনায়েত; Faisal|Foysal|Faysal = ফয়সাল; Fahim = ফাহিম; Firoz|Feroz = ফিরোজ
    Golam = গোলাম; Hridoy|Hriday = হৃদয়; Jony|Joni = জনি; Kaiser|Kaisar|Kayser = কায়সার
    Khokon = খোকন; Maruf = মারুফ; Masum|Masoom = মাসুম; Mehedi|Mehdi = মেহেদী
    Minhaz|Minhaj = মিনহাজ; Mithun = মিঠুন; Mominul = মমিনুল; Monirul = মনিরুল
    Motiur|Matiur = মতিউর; Mosharraf|Mosharof = মোশাররফ; Mukul = মুকুল; Nayeem|Naim|Nayem = নাঈম
    Nazrul = নজরুল; Nahid = নাহিদ; Obaidul|Ubaidul = ওবায়দুল; Omar|Umar = ওমর; Osman = ওসমান
    Parvez|Pervez = পারভেজ; Rana = রানা; Rajib|Razib = রাজিব; Redwan|Ridwan = রেদওয়ান
    Riaz|Riyaz = রিয়াজ; Saidur = সাইদুর; Sadek|Sadiq = সাদেক; Shafi = শফি
    Shahadat|Shahadot = শাহাদাত; Shahriar|Shahriyar = শাহরিয়ার; Shamsul = শামসুল
    Shuvo|Shubho = শুভ; Siam|Siyam = সিয়াম; Sirajul = সিরাজুল; Swapan|Shapan = স্বপন
    Tarek|Tariq|Tarik = তারেক; Taher = তাহের; Tamim = তামিম; Tuhin = তুহিন
    Touhid|Tawhid|Tauhid = তৌহিদ; Wahid|Wahed = ওয়াহিদ; Yasin|Yeasin = ইয়াসিন
    Yousuf|Yusuf|Eusuf = ইউসুফ; Ziaur = জিয়াউর; Zillur = জিল্লুর; Mujibur|Mojibur = মুজিবুর
    Ataur = আতাউর; Mokhlesur = মোখলেসুর; Ohidul|Wahidul = ওহিদুল; Tofazzal = তোফাজ্জল
    Sohrab = সোহরাব; Rustom|Rustam = রুস্তম; Hanif = হানিফ; Bappy|Bappi = বাপ্পী; Mintu = মিন্টু
    Shipon|Sipon = শিপন; Mohsin|Mohshin = মহসিন; Moinul = মইনুল; Tipu = টিপু; Sagor|Sagar = সাগর
    Shawon|Shaon = শাওন; Tushar = তুষার; Mamunur = মামুনুর
    """,
    female="""
    Fatema|Fatima = ফাতেমা; Ayesha|Aysha = আয়েশা; Nasrin|Nasreen = নাসরিন
    Sumaiya|Sumaya = সুমাইয়া; Taslima = তাসলিমা; Rina = রিনা; Shirin|Shireen = শিরিন
    Jannat|Jannatul = জান্নাত; Sharmin = শারমিন; Moriom|Mariam|Maryam = মরিয়ম
    Rokeya|Rokia = রোকেয়া; Salma = সালমা; Shahnaz = শাহনাজ; Nusrat = নুসরাত
    Tania|Tanya = তানিয়া; Khadija|Khodeja = খাদিজা; Rahima = রহিমা; Parvin|Parveen = পারভীন
    Nasima = নাসিমা; Hasina = হাসিনা; Rehana|Rayhana = রেহানা; Razia|Rajia = রাজিয়া
    Rabeya|Rabia = রাবেয়া; Rupa = রুপা; Ruma = রুমা; Rumana = রুমানা; Roksana|Roxana = রোকসানা
    Laila|Layla = লায়লা; Lucky|Laki = লাকী; Mousumi|Moushumi = মৌসুমী; Mahmuda = মাহমুদা
    Morjina|Marjina = মর্জিনা; Monowara|Manowara = মনোয়ারা; Nazma|Najma = নাজমা
    Nilufar = নিলুফার; Papia = পাপিয়া; Poly|Poli = পলি; Rozina|Rojina = রোজিনা; Runa = রুনা
    Sabina = সাবিনা; Sadia = সাদিয়া; Sabrina = সাবরিনা; Sanjida = সানজিদা; Shahana = শাহানা
    Shamima = শামীমা; Shilpi = শিল্পী; Sultana = সুলতানা; Sumi = সুমি; Tahmina = তাহমিনা
    Farzana = ফারজানা; Farida|Fareeda = ফরিদা; Ferdousi|Ferdausi = ফেরদৌসী; Halima = হালিমা
    Jesmin|Jasmin|Jasmine = জেসমিন; Jahanara = জাহানারা; Kulsum|Kulsoom = কুলসুম
    Kohinoor|Kohinur = কোহিনূর; Mina = মিনা; Mitu = মিতু; Munni = মুন্নী; Nazia = নাজিয়া
    Nipa = নিপা; Rima = রিমা; Safia|Sofia = সাফিয়া; Sathi|Shathi = সাথী; Shapla = শাপলা
    Shefali = শেফালী; Shila = শিলা; Sonia = সোনিয়া; Tasnim|Tasneem = তাসনিম
    Amena|Amina = আমেনা; Asma = আসমা; Afroza = আফরোজা; Akhi|Akhee = আঁখি
    Bilkis|Bilkish = বিলকিস; Dilruba = দিলরুবা; Hamida = হামিদা; Habiba = হাবিবা; Mukta = মুক্তা
    Naznin|Nazneen|Najnin = নাজনীন
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
    Ali = আলী; Kazi|Kaji = কাজী; Mridha|Mirdha = মৃধা; Akanda|Akand|Akondo = আকন্দ
    Dewan = দেওয়ান; Khandaker|Khondokar|Khondaker = খন্দকার
    Majumder|Mazumder|Majumdar = মজুমদার; Matubbar|Matbar = মাতুব্বর
    Pramanik|Pramanick = প্রামাণিক; Sardar|Sarder = সরদার; Shah = শাহ; Siddique|Siddik = সিদ্দিক
    Akbar = আকবর; Ashraf = আশরাফ; Aziz = আজিজ; Azad = আজাদ; Babu = বাবু; Bepari|Beparee = বেপারী
    Fakir|Fakeer = ফকির; Gazi|Ghazi = গাজী; Jomadder|Jamader = জমাদার; Khalifa = খলিফা
    Laskar|Lashkar = লস্কর; Mir = মীর; Mirza = মির্জা; Morol|Moral = মোড়ল; Paik = পাইক
    Pathan = পাঠান; Prodhan|Pradhan = প্রধান; Rabbani = রাব্বানী; Raihan|Rayhan = রায়হান
    Rashid = রশিদ; Siraj = সিরাজ; Sobhan|Sobahan = সোবহান; Tarafder|Tarafdar = তরফদার
    Zaman|Jaman = জামান; Rahim = রহিম; Hakim = হাকিম; Hannan = হান্নান; Mannan = মান্নান
    Jalil = জলিল; Latif = লতিফ; Majid|Mazid = মজিদ; Malek|Malik = মালেক; Hamid = হামিদ
    Salam = সালাম; Sattar = সাত্তার; Khaleque|Khalek = খালেক; Awal = আউয়াল; Rouf|Rauf = রউফ
    Gafur|Gafoor = গফুর; Quddus|Kuddus = কুদ্দুস; Mostafa|Mustafa = মোস্তফা
    Faruk|Faruque = ফারুক; Kamal = কামাল; Jamal = জামাল; Kader|Kadir = কাদের
    Kashem|Kasem = কাশেম; Hashem|Hashim = হাশেম; Taher = তাহের; Masud = মাসুদ; Mamun = মামুন
    Iqbal = ইকবাল; Ibrahim = ইব্রাহিম; Ismail = ইসমাইল; Das = দাস; Saha = সাহা; Roy|Ray = রায়
    Ghosh = ঘোষ; Dey|De = দে; Paul|Pal = পাল; Chakraborty|Chakrabarty = চক্রবর্তী
    Bhattacharjee|Bhattacharya = ভট্টাচার্য; Sen = সেন; Dutta|Datta = দত্ত; Basu|Bose = বসু
    Mitra = মিত্র; Acharjee|Acharya = আচার্য; Nath = নাথ; Debnath = দেবনাথ; Kundu = কুন্ডু
    Karmakar = কর্মকার; Halder|Haldar = হালদার; Shil|Sil = শীল; Sutradhar = সূত্রধর
    Mistry|Mistri = মিস্ত্রী; Rudra = রুদ্র; Mahbub = মাহবুব; Habib = হাবিব; Hafiz = হাফিজ
    Nasir = নাসির; Ullah = উল্লাহ; Reza = রেজা; Ferdous|Firdous = ফেরদৌস; Parvez|Pervez = পারভেজ
    Bari = বারী; Hai = হাই; Noman|Nouman = নোমান; Sohel = সোহেল; Imam = ইমাম
    Mohiuddin = মহিউদ্দিন; Nizam = নিজাম; Alamgir = আলমগীর; Jahangir = জাহাঙ্গীর
    Razzak|Razzaque = রাজ্জাক; Motaleb|Mottalib = মোতালেব; Wadud = ওয়াদুদ; Bashar = বাশার
    Amin = আমিন; Kamruzzaman = কামরুজ্জামান; Nur|Noor = নূর; Anwar|Anowar = আনোয়ার
    Mahfuz = মাহফুজ; Osmani|Osmany = ওসমানী; Gani|Ghani = গনি; Aman = আমান
    Arefin|Arifin = আরেফিন; Shaheen|Shahin = শাহীন; Munna = মুন্না; Rabbi = রাব্বি; Rafi = রাফি
    Sarwar|Sarowar = সরোয়ার; Kibria = কিবরিয়া; Farazi|Faraji = ফরাজী; Mallik|Mallick = মল্লিক
    Joarder|Jowardar = জোয়ারদার; Bakshi = বকশী; Khalil = খলিল; Jabbar = জব্বার
    Wahab|Wahhab = ওয়াহাব; Kalam = কালাম; Haider|Hyder = হায়দার; Arif = আরিফ; Shafi = শফি
    Syed|Sayed|Sayeed = সৈয়দ
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
    Ali = علي; Hamid|Hameed = حميد; Abdelhak|Abdelhaq|Abdel Haq = عبد الحق
    Abdelilah|Abdelillah|Abdel Ilah = عبد الإله; Abdelali|Abdelaali|Abdel Ali = عبد العالي
    Abdelghani|Abdel Ghani = عبد الغني; Abdelhadi|Abdel Hadi = عبد الهادي
    Abdelhamid|Abdel Hamid = عبد الحميد; Abdellatif|Abdelatif|Abdel Latif = عبد اللطيف
    Abdelmajid|Abdelmadjid|Abdel Majid = عبد المجيد
    Abdelkrim|Abdelkarim|Abdel Karim = عبد الكريم; Abdeljalil|Abdel Jalil = عبد الجليل
    Abdelouahed|Abdelwahed|Abdel Wahed = عبد الواحد
    Abdelfattah|Abdelfettah|Abdel Fattah = عبد الفتاح; Abdennour|Abdenour|Abdel Nour = عبد النور
    Abdelmalek|Abdelmalik|Abdel Malek = عبد المالك
    Abderrazak|Abderrazzak|Abdel Razzak = عبد الرزاق
    Abdeslam|Abdesalam|Abdel Salam = عبد السلام; Abdelhafid|Abdelhafidh|Abdel Hafid = عبد الحفيظ
    Abdelmounaim|Abdelmonaim|Abdel Moneim = عبد المنعم
    Abdelouahab|Abdelwahab|Abdel Wahab = عبد الوهاب; Abdelghafour|Abdel Ghafour = عبد الغفور
    Abdelmoula|Abdel Moula = عبد المولى; Abdelhakim|Abdel Hakim = عبد الحكيم
    Abdelbasset|Abdelbaset|Abdel Basset = عبد الباسط; Abdennabi|Abdenbi|Abdel Nabi = عبد النبي
    Abdelkebir|Abdel Kebir = عبد الكبير; Abdelmoumen|Abdel Moumen = عبد المؤمن
    Lahcen|Lahsen|Lahcene = لحسن; Lhoussaine|Lhoucine|Lahoucine = لحسين
    Mhamed|M'hamed|Mhammed = امحمد; Larbi|Laarbi|Al Arabi = العربي; Miloud|Milud = ميلود
    Mbarek|M'barek|Mubarak|Moubarak = مبارك; Bouchaib|Bouchaïb = بوشعيب
    Jaouad|Jawad|Javad = جواد; Fouad|Fuad = فؤاد; Samir = سمير; Hakim = حكيم
    Salaheddine|Salah Eddine|Salah al-Din = صلاح الدين
    Alaeddine|Alae Eddine|Alaa Eddine = علاء الدين; Nasreddine|Nasr Eddine = نصر الدين
    Kamal|Kamel = كمال; Jalal|Djalal = جلال; Mounir|Munir = منير; Najib|Nagib|Najeeb = نجيب
    Saad = سعد; Taha = طه; Yahya|Yahia = يحيى; Zaid|Zayd|Zied = زيد; Aymane|Ayman|Aymen = أيمن
    Marouane|Marwane|Marwan = مروان; Adam = آدم; Rayane|Rayan = ريان
    Oussama|Osama|Ousama = أسامة; Achraf|Ashraf = أشرف; Souhail|Suhail|Sohail = سهيل
    Yassir|Yasser|Yasir = ياسر; Haytam|Haitham|Haythem = هيثم; Nizar = نزار
    Taoufik|Toufik|Tawfiq = توفيق; Faycal|Fayçal|Faisal = فيصل; Hatim|Hatem = حاتم
    Issam|Isam = عصام; Imad|Imade = عماد; Lotfi|Lutfi = لطفي; Mouad|Mouaad|Muad = معاذ
    Redouane|Ridouane|Radwan = رضوان; Sami|Samy = سامي; Soulaimane|Slimane|Suleiman = سليمان
    Tayeb|Taib|Tayyib = الطيب; Moussa|Mousa|Musa = موسى; Aissa|Issa = عيسى
    Daoud|Dawud|Daud = داود; Haroun|Harun = هارون; Bouchta = بوشتى; Allal = علال
    Kaddour|Qaddur = قدور; Boujemaa|Boujemâa = بوجمعة; Jilali|Djilali = الجيلالي; Abbas = عباس
    Habib = حبيب; Hafid|Hafidh|Hafiz = حفيظ; Hammou|Hamou = حمو
    Azzeddine|Azeddine|Izz al-Din = عز الدين; Chafik|Shafik|Chafiq = شفيق; Chakib|Shakib = شكيب
    Fahd|Fahad = فهد; Farid|Fareed = فريد; Ghali = غالي; Hosni|Housni = حسني; Khalil = خليل
    Mahmoud|Mahmud = محمود; Mokhtar|Mukhtar = مختار; Rabie|Rabii|Rabih = ربيع
    Rafik|Rafiq = رفيق; Riad|Riyad = رياض; Salah = صلاح; Salim|Selim = سليم
    Wadie|Wadii|Wadih = وديع; Yazid = يزيد; Zaki = زكي; Anouar|Anwar = أنور
    Bachir|Bashir = بشير; Chouaib|Shuaib = شعيب; Kacem|Qasim|Kassem = قاسم
    Mahjoub|Mahjub = محجوب; Nasser|Naser = ناصر; Saber|Sabir = صابر; Sadik|Sadiq = صادق
    Tahar|Taher = الطاهر; Wassim|Wasim = وسيم; Ziad|Ziyad = زياد; Naoufal|Nawfal|Noufel = نوفل
    Amir = أمير; Badreddine|Badr Eddine = بدر الدين; Bouazza = بوعزة; Adnane|Adnan = عدنان
    Houssam|Hussam = حسام; Hamdi = حمدي; Abdelmoughit|Abdel Moughit = عبد المغيث
    Abdelkhalek|Abdelkhaleq|Abdel Khalek = عبد الخالق
    Abdeladim|Abdelaadim|Abdel Azim = عبد العظيم; Abdessadek|Abdessadeq = عبد الصادق
    Wail|Ouail|Wael = وائل; Akram = أكرم; Amjad = أمجد; Salman = سلمان; Majid|Madjid = مجيد
    """,
    female="""
    Fatima|Fatema = فاطمة; Khadija|Khadidja = خديجة; Aicha|Aisha|Aïcha = عائشة
    Meryem|Maryam|Meriem = مريم; Salma = سلمى; Nadia = نادية; Samira = سميرة
    Hanane|Hanan = حنان; Naima|Naïma = نعيمة; Latifa = لطيفة; Zineb|Zainab|Zeineb = زينب
    Imane|Iman = إيمان; Loubna|Lubna = لبنى; Soukaina|Soukayna|Sukaina = سكينة
    Houda|Huda = هدى; Asmae|Asma = أسماء; Siham = سهام; Wafae|Wafa = وفاء
    Malika = مليكة; Rachida|Rashida = رشيدة; Saida|Saïda = سعيدة; Zohra|Zahra = زهرة
    Hafsa = حفصة; Ilham = إلهام; Kenza = كنزة; Noura|Nora = نورة; Hind = هند; Hayat = حياة
    Karima = كريمة; Bouchra|Bushra = بشرى; Ghizlane|Ghizlan|Ghezlane = غزلان
    Hasna|Hassna = حسناء; Mounia|Monia = منية; Mouna|Mona = منى; Nawal|Nawel = نوال
    Rajae|Rajaa|Raja = رجاء; Sanae|Sanaa = سناء; Yasmine|Yasmina = ياسمين; Sara|Sarah = سارة
    Oumaima|Oumayma|Umaima = أميمة; Chaimae|Chaima|Shaima = شيماء; Douae|Doaa|Duaa = دعاء
    Khaoula|Khawla|Khaola = خولة; Amina = أمينة; Najat = نجاة; Nezha|Nuzha = نزهة; Mina = مينة
    Leila|Layla|Laila = ليلى; Samia = سامية; Souad|Suad = سعاد; Jamila|Djamila = جميلة
    Halima = حليمة; Rkia|Rqia|Ruqaya = رقية; Habiba = حبيبة; Fadwa|Fadoua = فدوى; Ikram = إكرام
    Hajar|Hadjar|Hagar = هاجر; Wiam|Wiame = وئام; Manal = منال; Sofia = صوفيا
    Dounia|Donia|Dunya = دنيا; Assia|Asia = آسية; Nisrine|Nesrine|Nisreen = نسرين
    Widad|Ouidad = وداد; Ibtissam|Ibtisam|Btissam = ابتسام; Safae|Safaa = صفاء; Aya = آية
    Rim|Reem = ريم; Maha = مها; Sabah = صباح; Salwa|Saloua = سلوى; Touria|Thuraya|Turia = ثريا
    Fatiha = فتيحة; Yamina = يمينة; Ghita = غيثة; Lamia|Lamiae = لمياء; Nada = ندى
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
    Alami|El Alami = العلمي; Ouardi|El Ouardi = الوردي; Benchekroun|Ben Chekroun = بنشقرون
    Sqalli|Skalli = الصقلي; Guessous = كسوس; Benslimane|Ben Slimane = بنسليمان
    Bensaid|Ben Said = بنسعيد; Benabdellah|Ben Abdellah = بنعبد الله; Khatib|El Khatib = الخطيب
    Hachimi|El Hachimi|Hashimi = الهاشمي; Saidi|Essaidi|Saïdi = السعيدي
    Rifi|Errifi|Riffi = الريفي; Sahraoui|Sahrawi = الصحراوي; Filali|El Filali = الفيلالي
    Ghazi|El Ghazi = الغازي; Moussaoui|El Moussaoui = الموساوي; Karimi|El Karimi = الكريمي
    Kettani|El Kettani = الكتاني; Cherkaoui|Charkaoui = الشرقاوي; Marrakchi = المراكشي
    Tounsi|Ettounsi = التونسي; Sefrioui = الصفريوي; Mernissi = المرنيسي; Bennis = بنيس
    Benbrahim|Ben Brahim = بنبراهيم; Benhaddou|Ben Haddou = بنحدو; Ouhaddou = أوحدو
    Ait Ahmed|Aït Ahmed = آيت أحمد; Ait Brahim|Aït Brahim = آيت إبراهيم
    Ait Hammou|Aït Hammou = آيت حمو; Hamdaoui|El Hamdaoui = الحمداوي; Belghiti = بلغيتي
    Benmansour|Ben Mansour = بنمنصور; Benomar|Ben Omar = بنعمر; Bensouda = بنسودة
    Naji|Ennaji = الناجي; Tijani|Ettijani|Tidjani = التجاني; Ouahbi|Wahbi = الوهبي
    Baz|El Baz = الباز; Daoudi|Dawdi = الداودي; Ayoubi|El Ayoubi = الأيوبي
    Chaoui|Echaoui = الشاوي; Doukkali|Dokkali = الدكالي; Soussi|Essoussi = السوسي
    Meknassi = المكناسي; Jabri|El Jabri = الجابري; Najjar|Ennajjar = النجار
    Khayat|Khayyat|El Khayat = الخياط; Attar|El Attar = العطار; Sabbagh = الصباغ
    Bouabid = بوعبيد; Zaidi|Ezzaidi = الزايدي; Hilali|El Hilali = الهلالي
    Rachidi|Errachidi = الرشيدي; Ouafi|El Ouafi = الوافي; Ghazali|El Ghazali = الغزالي
    Kadiri|Qadiri|El Kadiri = القادري; Regragui = الركراكي; Mokhtari|El Mokhtari = المختاري
    Yousfi|El Yousfi = اليوسفي; Bouziane = بوزيان; Benaissa|Ben Aissa = بنعيسى
    Benyoussef|Ben Youssef = بنيوسف; Benhammou|Ben Hammou = بنحمو; Mouline = مولين
    Sbai|Essbai = السباعي; Omari|El Omari = العمري; Othmani|El Othmani = العثماني
    Rahmouni = الرحموني; Hassani|El Hassani = الحسني; Houssaini|El Houssaini|Husseini = الحسيني
    Lahbabi = الحبابي; Baghdadi|El Baghdadi = البغدادي; Saadi|Essaadi = السعدي; Bouayad = بوعياد
    Chafai|Echafai = الشافعي; Zemmouri = الزموري; Ouadghiri|El Ouadghiri = الودغيري
    Mezouar = مزوار; Kasmi|El Kasmi|Qasmi = القاسمي; Touzani = التوزاني
    Maaroufi|El Maaroufi = المعروفي; Ramdani|Ramadani = الرمضاني
    Mrabet|El Mrabet|Lamrabet = المرابط; Cherif|Chérif|Sharif = الشريف; Fahmi = فهمي
    Jazouli|El Jazouli = الجزولي; Ghanem|Ghanim = غانم; Sekkat = السقاط
    Azhari|El Azhari = الأزهري; Boughaleb = بوغالب; Benmbarek|Ben Mbarek = بنمبارك
    Safi|Essafi = الصافي; Malki|El Malki|Maliki = المالكي; Ibrahimi|El Brahimi = الإبراهيمي
    Hamidi|El Hamidi = الحميدي; Boussaid = بوسعيد; Bennouna = بنونة; Benhima = بنهيمة
    Khalfi|El Khalfi = الخلفي; Mekouar = مكوار; Boutaleb = بوطالب; Bouzoubaa = بوزوبع
    Zniber = زنيبر; Sbihi = الصبيحي; Andaloussi|El Andaloussi|Andalusi = الأندلسي
    Marzouki|El Marzouki = المرزوقي; Bensalah|Ben Salah = بنصالح; Jamai|El Jamai = الجامعي
    Hamri|El Hamri = الحمري; Zerhouni = الزرهوني; Chami|Echami = الشامي
    Hakimi|El Hakimi = الحكيمي; Yacoubi|El Yacoubi|Yaacoubi = اليعقوبي
    Jaafari|El Jaafari = الجعفري; Kasri|El Kasri = القصري; Hajjami|El Hajjami = الحجامي
    Belkhayat|Bel Khayat = بلخياط; Ahmadi|El Ahmadi = الأحمدي; Mohammadi|El Mohammadi = المحمدي
    Azizi|El Azizi = العزيزي; Jebli|El Jebli = الجبلي; Chergui|Echergui = الشرقي
    Gharbi|El Gharbi = الغربي
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
    Ali = علي; Omar = عمر; Said|Saïd = سعيد; Brahim|Ibrahim = إبراهيم; Smail|Ismail = إسماعيل
    Abdelaziz|Abdel Aziz = عبد العزيز; Abdellah|Abdallah|Abdullah = عبد الله
    Abdelkrim|Abdelkarim|Abdel Karim = عبد الكريم; Abdelhamid|Abdel Hamid = عبد الحميد
    Abdelmadjid|Abdelmajid|Abdel Majid = عبد المجيد; Abdelghani|Abdel Ghani = عبد الغني
    Abdelatif|Abdellatif|Abdel Latif = عبد اللطيف; Abdelouahab|Abdelwahab = عبد الوهاب
    Abderrezak|Abderrazak|Abdel Razzak = عبد الرزاق
    Abdeslam|Abdesselam|Abdel Salam = عبد السلام; Abdelmalek|Abdel Malek = عبد المالك
    Abdelhafid|Abdelhafidh = عبد الحفيظ; Abdelhakim|Abdel Hakim = عبد الحكيم
    Abdenour|Abdennour = عبد النور; Abdelali|Abdelaali = عبد العالي
    Abdelbasset|Abdelbaset = عبد الباسط; Abdeldjalil|Abdeljalil = عبد الجليل
    Abdelouahed|Abdelwahed = عبد الواحد; Abdelmoumene|Abdelmoumen = عبد المؤمن
    Abdelhadi = عبد الهادي; Abdelfettah|Abdelfattah = عبد الفتاح
    Abdennacer|Abdenacer|Abdel Nasser = عبد الناصر; Abderrahim|Abderahim = عبد الرحيم
    Abdessamed|Abdessamad = عبد الصمد; Abdelilah|Abdelillah = عبد الإله; Ahcene|Ahcène = أحسن
    Lahcene|Lahcen = لحسن; Hassen|Hacene|Hassan = حسن; Houari = هواري; Mokhtar|Mukhtar = مختار
    Mahmoud|Mahmud = محمود; Messaoud|Massoud = مسعود; Mebarek|Mubarak = مبارك; Mabrouk = مبروك
    Miloud = ميلود; Mouloud = مولود; Boualem = بوعلام; Belkacem|Belgacem = بلقاسم
    Kamel|Kamal = كمال; Nacer|Nasser|Naser = ناصر; Noureddine|Nourredine|Nour Eddine = نور الدين
    Salah = صلاح; Salaheddine|Salah Eddine = صلاح الدين; Azzedine|Azeddine|Izz al-Din = عز الدين
    Nasreddine|Nasr Eddine = نصر الدين; Kheireddine|Khireddine|Khair al-Din = خير الدين
    Seifeddine|Seif Eddine = سيف الدين; Alaeddine|Alaa Eddine = علاء الدين
    Badreddine|Badr Eddine = بدر الدين; Chemseddine|Chams Eddine = شمس الدين
    Tarek|Tarik|Tariq = طارق; Samir = سمير; Hakim = حكيم; Lotfi|Lutfi = لطفي
    Mounir|Munir = منير; Rabah|Rabeh = رابح; Ramdane|Ramdan|Ramadan = رمضان
    Tahar|Taher = الطاهر; Tayeb|Taieb = الطيب; Larbi|Laarbi = العربي; Kaddour = قدور
    Bachir|Bashir = بشير; Djillali|Djilali|Jilali = الجيلالي; Laid|Laïd = العيد
    Amar|Ammar = عمار; Madjid|Majid = مجيد; Hamid = حميد; Rafik|Rafiq = رفيق
    Chafik|Chafiq = شفيق; Moussa|Musa = موسى; Yahia|Yahya = يحيى; Daoud|Dawud = داود
    Younes|Younis|Yunus = يونس; Idris|Driss = إدريس; Haroun|Harun = هارون
    Zinedine|Zineddine|Zine Eddine = زين الدين; Aymen|Ayman = أيمن; Akram = أكرم; Islam = إسلام
    Ishak|Ishaq = إسحاق; Abdou = عبدو; Fethi|Fathi = فتحي; Fouad|Fuad = فؤاد
    Faycal|Fayçal|Faisal = فيصل; Hatem|Hatim = حاتم; Halim = حليم; Imad|Imed = عماد
    Khalil = خليل; Mohand = محند; Okba|Oqba|Uqba = عقبة; Othmane|Athmane|Othman = عثمان
    Rayane|Rayan = ريان; Reda|Rida|Ridha = رضا; Sid Ahmed|Sidahmed = سيد أحمد
    Sid Ali|Sidali = سيد علي; Taha = طه; Wassim|Wasim = وسيم; Yazid = يزيد
    Zoheir|Zouheir|Zuhair = زهير; Ziad|Ziyad = زياد; Anouar|Anwar = أنور; Aziz = عزيز
    Badis = باديس; Chouaib|Choaib = شعيب; Djaffar|Djafar|Jafar = جعفر; Fodil|Fodhil|Fadil = فضيل
    Lounis|Lounes = لونيس; Malik|Malek = مالك; Mohcen|Mohsen = محسن; Moncef|Mounsef = منصف
    Ramzi|Ramzy = رمزي; Saad = سعد; Saber = صابر; Sabri = صبري; Seddik|Siddiq = صديق
    Sadek|Sadok|Sadiq = صادق; Wahid = وحيد; Yasser|Yacer = ياسر; Azzouz = عزوز; Arezki = أرزقي
    Mokrane = مقران; Amirouche = عميروش; Djelloul = جلول; Boubekeur|Boubaker|Abu Bakr = أبو بكر
    Bouziane = بوزيان; Boumediene|Boumedienne = بومدين; Mahfoud|Mahfoudh = محفوظ
    Lamine|Lamin = الأمين; Cherif|Chérif|Sharif = الشريف; Wail|Wael = وائل
    Marouane|Marwan = مروان; Houssem|Houssam|Hussam = حسام; Achraf|Ashraf = أشرف; Nazim = ناظم
    Kouider = قويدر; Belkheir = بلخير; Adlane|Adlen = عدلان; Amir = أمير
    """,
    female="""
    Fatima|Fatma = فاطمة; Amina = أمينة; Khadidja|Khadija = خديجة; Nadia = نادية
    Samia = سامية; Yasmine|Yasmina = ياسمين; Meriem|Maryam = مريم; Sarah|Sara = سارة
    Nawel|Nawal = نوال; Leila|Layla = ليلى; Souad|Suad = سعاد; Karima = كريمة
    Hayet|Hayat = حياة; Djamila|Jamila = جميلة; Lamia = لمياء
    Aicha|Aïcha|Aisha = عائشة; Zohra|Zahra = زهرة; Malika = مليكة; Rachida|Rashida = رشيدة
    Saliha = صليحة; Houria = حورية; Zineb|Zainab = زينب; Ouarda|Warda = وردة; Farida = فريدة
    Nacera|Nassera = ناصرة; Nabila = نبيلة; Naima|Naïma = نعيمة; Habiba = حبيبة; Halima = حليمة
    Yamina = يمينة; Baya = باية; Zoulikha|Zuleikha = زليخة; Dalila = دليلة; Hassina = حسينة
    Wahiba = وهيبة; Fatiha = فتيحة; Nassima = نسيمة; Nesrine|Nisrine = نسرين; Imane|Iman = إيمان
    Asma = أسماء; Khaoula|Khawla = خولة; Chaima|Chaimaa = شيماء; Hanane|Hanan = حنان
    Soumia|Soumaya|Sumaya = سمية; Sabrina = صبرينة; Lynda|Linda = ليندة; Kenza = كنزة
    Rym|Rim = ريم; Selma|Salma = سلمى; Wafa|Ouafa = وفاء; Houda|Huda = هدى; Ikram = إكرام
    Lina = لينا; Hadjer|Hajar = هاجر; Rania = رانيا; Malak = ملاك; Manel|Manal = منال
    Amel|Amal = أمل; Sihem|Siham = سهام; Mouna|Mona = منى; Razika = رزيقة; Ghania = غانية
    Akila|Aqila = عقيلة; Kheira = خيرة; Nora|Noura = نورة; Nour = نور; Sabah = صباح
    Hafsa = حفصة; Ahlam = أحلام; Safia|Safiya = صفية
    """,
    family="""
    Benali|Ben Ali = بن علي; Belkacem|Belgacem = بلقاسم; Bouzid = بوزيد
    Khelifi|Khalifi = خليفي; Mebarki = مباركي; Saidi|Saïdi = سعيدي; Hamidi = حميدي
    Boudiaf = بوضياف; Messaoudi = مسعودي; Brahimi = براهيمي; Benaissa|Ben Aissa = بن عيسى
    Cherif|Sharif = شريف; Touati = تواتي; Mansouri = منصوري; Djebbar|Jabbar = جبار
    Zerrouki = زروقي; Haddad = حداد; Kaci = قاسي; Meziane = مزيان; Larbi|Laarbi = العربي
    Belaid = بلعيد; Boukhalfa = بوخالفة; Rahmani = رحماني; Ferhat|Farhat = فرحات
    Amrani = عمراني; Benyahia|Ben Yahia = بن يحيى; Hadj Ali|Hadjali = حاج علي
    Belhadj|Bel Hadj = بلحاج; Benamar|Ben Amar = بن عمار; Bensalem|Ben Salem = بن سالم
    Benmoussa|Ben Moussa = بن موسى; Bouazza = بوعزة; Hamadi|Hammadi = حمادي; Hamdi = حمدي
    Aouadi = عوادي; Abdelli = عبدلي; Slimani = سليماني; Ouali = والي; Taleb = طالب
    Chaouch = شاوش; Chaib|Chaïb = شايب; Lounici = لونيسي; Mokrani = مقراني; Zidane = زيدان
    Bouguerra = بوقرة; Boumaza = بومعزة; Bouabdallah|Bouabdellah = بوعبد الله; Bouaziz = بوعزيز
    Boudjemaa = بوجمعة; Bouras = بوراس; Belhocine = بلحسين; Benkhaled|Ben Khaled = بن خالد
    Benmohamed|Ben Mohamed = بن محمد; Benahmed|Ben Ahmed = بن أحمد
    Benabdallah|Ben Abdallah = بن عبد الله; Benslimane|Ben Slimane = بن سليمان
    Bensaid|Ben Said = بن سعيد; Benyoucef|Ben Youcef = بن يوسف; Benhamouda = بن حمودة
    Benmansour|Ben Mansour = بن منصور; Benaouda|Ben Aouda = بن عودة; Belarbi = بلعربي
    Belkheir = بلخير; Belabbes = بلعباس; Chabane|Chaabane = شعبان; Ramdani = رمضاني
    Ziane = زيان; Bouziane = بوزيان; Zouaoui = زواوي; Guendouz = قندوز; Kadri = قادري
    Kaddouri = قدوري; Lahmar = لحمر; Madani = مدني; Mahi = ماحي; Mammeri = معمري; Mekki = مكي
    Merah = مراح; Mokhtari = مختاري; Moussaoui = موساوي; Nouri = نوري; Rahal = رحال
    Saadi = سعدي; Saoudi = سعودي; Sahraoui = صحراوي; Salhi = صالحي; Tahri = طاهري
    Yahiaoui = يحياوي; Yousfi = يوسفي; Zeroual = زروال; Ziani = زياني; Zitouni = زيتوني
    Abbas = عباس; Achour = عاشور; Aissaoui = عيساوي; Amara = عمارة; Bekkouche = بكوش
    Bekhti = بختي; Bendaoud|Ben Daoud = بن داود; Benhabib|Ben Habib = بن حبيب
    Bensalah|Ben Salah = بن صالح; Boudjellal = بوجلال; Bounab = بوناب; Chikhi = شيخي
    Dahmani = دحماني; Derradji = دراجي; Djoudi = جودي; Fellah = فلاح; Gacem = قاسم
    Habchi = حبشي; Hadjadj = حجاج; Hamadouche = حمادوش; Hamlaoui = حملاوي; Hocini = حسيني
    Khaldi = خالدي; Khellaf = خلاف; Lamri = لعمري; Mahmoudi = محمودي; Mansour = منصور
    Miloudi = ميلودي; Nasri = نصري; Rezki = رزقي; Saci = ساسي; Saidani = سعيداني; Tayebi = طيبي
    Touil = طويل; Benkaddour|Ben Kaddour = بن قدور; Hamdani = حمداني; Ammari = عماري
    Attia = عطية; Belkadi = بلقاضي; Cherifi = شريفي; Djaballah = جاب الله; Ghanem = غانم
    Hachemi = هاشمي; Hamoudi = حمودي; Kadi = قاضي; Lakhdari = لخضاري; Latreche = لطرش
    Maiza = معيزة; Meftah = مفتاح; Merabet = مرابط; Naceri = ناصري; Smaili = سماعيلي
    Talbi = طالبي; Toumi = تومي; Younsi = يونسي; Zaidi = زايدي; Zemmouri = زموري
    Benattia|Ben Attia = بن عطية; Kheloufi = خلوفي; Kebaili = كبايلي; Boutaleb = بوطالب
    Bouchareb = بوشارب
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
    Mahmoud|Mahmud = محمود; Hedi|Hadi = الهادي; Habib = الحبيب; Hassen|Hassan = حسن
    Houcine|Hussein = حسين; Moncef|Monsef = المنصف; Slim|Selim = سليم; Sami = سامي; Samir = سمير
    Karim = كريم; Kamel|Kamal = كمال; Lotfi = لطفي; Fethi|Fathi = فتحي; Faouzi|Fawzi = فوزي
    Mourad|Murad = مراد; Mounir = منير; Nabil = نبيل; Riadh|Riad = رياض; Ridha|Reda = رضا
    Salah = صلاح; Saleh|Salih = صالح; Sofiene|Sofiane|Sufyan = سفيان; Tarek|Tarak|Tariq = طارق
    Taoufik|Tawfiq = توفيق; Walid = وليد; Yassine|Yasin = ياسين; Zied|Ziad = زياد
    Nejib|Najib = نجيب; Abdelaziz = عبد العزيز; Abdallah|Abdellah = عبد الله
    Abderrahmen|Abderrahmane|Abdel Rahman = عبد الرحمن; Abdelkader = عبد القادر
    Abdelhamid = عبد الحميد; Abdelmajid = عبد المجيد; Abdelkarim|Abdelkrim = عبد الكريم
    Abdelwaheb|Abdelwahab = عبد الوهاب; Abdessalem|Abdesselem|Abdel Salam = عبد السلام
    Abdellatif = عبد اللطيف; Chokri|Choukri|Shukri = شكري; Chedly|Chedli|Chadli = الشاذلي
    Adel = عادل; Amor|Omar = عمر; Bechir|Béchir|Bashir = البشير; Brahim|Ibrahim = إبراهيم
    Fares|Faris = فارس; Hamdi = حمدي; Hatem = حاتم; Hichem|Hisham = هشام; Imed|Imad = عماد
    Issam = عصام; Jamel|Jamal = جمال; Kais|Kaies|Qais = قيس; Khaled = خالد
    Lassaad|Lassad|Asaad = الأسعد; Maher = ماهر; Majdi = مجدي; Mehrez|Mahrez = محرز
    Moez|Moëz|Muizz = معز; Mondher|Mundhir = منذر; Montassar|Montasser = منتصر
    Mustapha|Mustafa = مصطفى; Naceur|Nasser = ناصر; Noureddine|Nour Eddine = نور الدين
    Raouf|Rauf = رؤوف; Ramzi = رمزي; Sabri = صبري; Salem = سالم; Souheil|Souhail = سهيل
    Taher|Tahar = الطاهر; Wael|Wail = وائل; Wajdi = وجدي; Yahya|Yahia = يحيى
    Zouhaier|Zouhair|Zuhair = زهير; Ayoub = أيوب; Ilyes|Elyes|Ilyas = إلياس; Adem|Adam = آدم
    Aziz = عزيز; Bassem|Basem = باسم; Borhen|Burhan = برهان; Chaker|Shakir = شاكر
    Dhia|Diaa = ضياء; Firas = فراس; Ghaith|Ghaieth = غيث; Hazem = حازم; Helmi|Hilmi = حلمي
    Jalel|Jalal = جلال; Lamine = الأمين; Mokhtar = مختار; Nidhal|Nidal = نضال
    Rached|Rashid = راشد; Rafik = رفيق; Sadok|Sadek = الصادق; Younes = يونس; Zakaria = زكرياء
    Chiheb|Chihab = شهاب; Faycel|Faycal|Faisal = فيصل; Hosni|Housni = حسني
    Hamadi|Hammadi = حمادي; Jawher|Jaouher = جوهر
    """,
    female="""
    Amira = أميرة; Mariem|Maryam = مريم; Asma = أسماء; Ines|Inès = إيناس; Rania = رانيا
    Sana = سناء; Hela|Hala = هالة; Nour = نور; Yosra|Yusra = يسرى; Olfa = ألفة
    Fatma|Fatima = فاطمة; Khadija = خديجة; Aicha|Aïcha = عائشة; Salma|Selma = سلمى
    Sarra|Sara = سارة; Emna|Amna = آمنة; Imen|Iman = إيمان; Rim|Rym = ريم; Hajer|Hajar = هاجر
    Najet|Najat = نجاة; Samia = سامية; Nadia = نادية; Leila|Leïla = ليلى; Souad = سعاد
    Monia = منية; Hayet = حياة; Latifa = لطيفة; Zeineb|Zaineb = زينب; Wafa = وفاء
    Chaima|Chaïma = شيماء; Khaoula|Khawla = خولة; Siwar = سوار; Syrine|Sirine = سيرين
    Nesrine = نسرين; Mouna|Mona = منى; Houda = هدى; Dorra = درة; Hanen|Hanane = حنان
    Samira = سميرة; Habiba = حبيبة; Naziha = نزيهة; Jamila = جميلة; Saida = سعيدة
    Wided|Widad = وداد; Ahlem|Ahlam = أحلام; Sonia = سنية
    """,
    family="""
    Trabelsi = الطرابلسي; Ben Salah|Bensalah = بن صالح; Gharbi = الغربي; Jlassi = الجلاصي
    Hammami = الحمامي; Mejri = الماجري; Ayari = العياري; Dridi = الدريدي
    Ben Ammar|Benammar = بن عمار; Bouazizi = البوعزيزي; Sassi = الساسي
    Chaabane|Chaabani = شعبان; Khemiri = الخميري; Jebali = الجبالي; Nasri = النصري
    Riahi = الرياحي
    Ben Ali|Benali = بن علي; Ben Ahmed = بن أحمد; Ben Mohamed = بن محمد; Ben Youssef = بن يوسف
    Ben Hassen = بن حسن; Ben Amor = بن عمر; Ben Romdhane = بن رمضان; Ben Abdallah = بن عبد الله
    Ben Said = بن سعيد; Ben Slimane = بن سليمان; Ben Khalifa = بن خليفة; Ben Hamida = بن حميدة
    Ben Mansour = بن منصور; Ben Aissa = بن عيسى; Ben Brahim = بن إبراهيم; Ben Othman = بن عثمان
    Ben Moussa = بن موسى; Ben Nasr = بن نصر; Ben Fredj = بن فرج; Ben Messaoud = بن مسعود
    Ben Salem = بن سالم; Mabrouk = مبروك; Ammar = عمار; Bouzid = بوزيد; Boughanmi = البوغانمي
    Baccouche = بكوش; Chebbi = الشابي; Ghanmi = الغانمي; Hamdi = حمدي; Hajji = الحاجي
    Jaziri = الجزيري; Kefi = الكافي; Karoui = القروي; Khelifi = الخليفي; Ksouri = القصوري
    Abidi|Laabidi|Labidi = العبيدي; Mahjoub = محجوب; Marzouki = المرزوقي; Masmoudi = المصمودي
    Mathlouthi = المثلوثي; Mbarki = المباركي; Mansouri = المنصوري; Mzoughi = المزوغي
    Nefzi = النفزي; Ouni|Aouni = العوني; Rezgui = الرزقي; Romdhani = الرمضاني; Saidi = السعيدي
    Sahli = الساحلي; Sfaxi = الصفاقسي; Slama|Salama = سلامة; Souissi = السويسي; Tlili = التليلي
    Toumi = التومي; Yahyaoui = اليحياوي; Zouari = الزواري; Amri = العامري; Arfaoui = العرفاوي
    Baklouti = البكلوطي; Belhaj|Belhadj = بالحاج; Bouslama = بوسلامة; Chaouachi = الشواشي
    Chakroun = شقرون; Dhaouadi = الضوادي; Elloumi = اللومي; Ellouze = اللوز; Ferjani = الفرجاني
    Fourati = الفوراتي; Gasmi|Guesmi = القاسمي; Hamrouni = الحمروني; Hachicha = حشيشة
    Haddad|Hadded = الحداد; Jaouadi = الجوادي; Jendoubi = الجندوبي; Kammoun = كمون
    Khiari = الخياري; Klai = القلعي; Miladi = الميلادي; Mrad = مراد; Ouerghi = الورغي
    Rebai = الرباعي; Sghaier = الصغير; Sellami = السلامي; Slimi = السليمي; Tounsi = التونسي
    Zribi = الزريبي; Hammouda = حمودة; Dhahri = الظاهري; Kchaou = كشاو; Chtioui = الشتيوي
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
    Ali = علي; Ayman|Aiman = أيمن; Hesham|Hisham = هشام; Wael = وائل; Ashraf = أشرف
    Sameh = سامح; Hatem = حاتم; Tamer = تامر; Emad|Imad = عماد; Adel = عادل; Essam|Issam = عصام
    Ehab|Ihab = إيهاب; Osama|Usama = أسامة; Magdy|Magdi|Majdi = مجدي; Sayed|Sayyid = سيد
    Saeed|Said = سعيد; Gamal|Jamal = جمال; Nabil|Nabeel = نبيل; Ramadan = رمضان
    Abdallah|Abdullah = عبد الله; Abdelaziz|Abdel Aziz = عبد العزيز
    Abdelhamid|Abdel Hamid = عبد الحميد; Abdelfattah|Abdel Fattah = عبد الفتاح
    Abdelmoneim|Abdel Moneim|Abdelmonem = عبد المنعم; Abdelnasser|Abdel Nasser = عبد الناصر
    Abdelhalim|Abdel Halim = عبد الحليم; Abdelsalam|Abdel Salam = عبد السلام
    Abdelghany|Abdel Ghani = عبد الغني; Mohsen = محسن; Medhat|Midhat = مدحت; Nader = نادر
    Maher = ماهر; Hamdy|Hamdi = حمدي; Fathy|Fathi = فتحي; Shaaban|Shaban = شعبان
    Reda|Rida = رضا; Hazem = حازم; Mina = مينا; Girgis|Guirguis = جرجس; Bishoy|Bishoi = بيشوي
    Mikhail|Michael = ميخائيل; Fady|Fadi = فادي; Samy|Sami = سامي; Ezzat|Izzat = عزت
    Farouk|Farouq = فاروق; Fawzy|Fawzi = فوزي; Helmy|Hilmi = حلمي; Hosny|Husni = حسني
    Lotfy|Lutfi = لطفي; Mamdouh = ممدوح; Nasser = ناصر; Osman|Othman = عثمان
    Raafat|Rafat = رأفت; Sabry|Sabri = صبري; Salah = صلاح; Shady|Shadi = شادي
    Tawfik|Tawfiq = توفيق; Yasser|Yasir = ياسر; Zakaria|Zakariya = زكريا; Abdou|Abdo = عبده
    Atef = عاطف; Bassem|Basem = باسم; Hamada = حمادة; Hossam|Hussam = حسام; Kamal = كمال
    Khairy|Khairi = خيري; Marwan = مروان; Mohab = مهاب; Moataz|Mutaz = معتز; Mounir|Munir = منير
    Refaat|Rifaat = رفعت; Saad = سعد; Samir|Sameer = سمير; Shawky|Shawki = شوقي
    Wagdy|Wagdi = وجدي; Yehia|Yahya = يحيى; Ziad = زياد; Hamza = حمزة; Belal|Bilal = بلال
    Anas = أنس; Seif|Saif = سيف; Abanoub|Abanob = أبانوب; Kirollos|Kerollos = كيرلس
    Hady|Hadi = هادي; Emam|Imam = إمام; Gaber|Jaber = جابر; Gomaa|Jumaa = جمعة; Shehata = شحاتة
    Metwally|Metwali = متولي; Ragab|Rajab = رجب; Soliman|Suleiman = سليمان; Ismail = إسماعيل
    Adham = أدهم; Younes|Yunus = يونس; Eid = عيد; Atta = عطا; Badr = بدر
    """,
    female="""
    Fatma|Fatima = فاطمة; Mona|Muna = منى; Heba|Hiba = هبة; Aya = آية; Nour = نور
    Mariam = مريم; Sara = سارة; Doaa|Duaa = دعاء; Rana = رنا; Esraa|Israa = إسراء
    Amira = أميرة; Yasmin|Yasmine = ياسمين; Hoda|Huda = هدى; Nadia = نادية; Samira = سميرة
    Amal = أمل; Eman|Iman = إيمان; Asmaa|Asma = أسماء; Shaimaa|Shaima = شيماء; Rania = رانيا
    Dina = دينا; Reham|Riham = ريهام; Marwa = مروة; Salma = سلمى; Nesma|Nisma = نسمة
    Zeinab|Zainab = زينب; Aisha|Aysha = عائشة; Hanan = حنان; Nagwa|Najwa = نجوى
    Soad|Suad = سعاد; Sahar = سحر; Nahla = نهلة; Abeer|Abir = عبير; Ghada = غادة; Mai|May = مي
    Habiba = حبيبة; Hagar|Hajar = هاجر; Mervat|Mirvat = ميرفت; Samah = سماح; Hend|Hind = هند
    Walaa = ولاء; Basma = بسمة; Alaa = آلاء; Rehab|Rihab = رحاب; Khadiga|Khadija = خديجة
    """,
    family="""
    Abdel Aziz|Abdelaziz = عبد العزيز; El Sayed|Elsayed|Al-Sayed = السيد; Mahmoud = محمود
    Hassan = حسن; Ibrahim = إبراهيم; Mostafa = مصطفى; Soliman|Suleiman = سليمان
    Farouk|Faruq = فاروق; Ismail = إسماعيل; Gaber|Jaber = جابر; Fathy|Fathi = فتحي
    Ramadan = رمضان; Shehata|Shihata = شحاتة; Attia|Atiya = عطية
    Mohamed|Mohammed = محمد; Ahmed = أحمد; Ali = علي; Abdallah|Abdullah = عبد الله
    Abdel Rahman|Abdelrahman = عبد الرحمن; Abdel Hamid|Abdelhamid = عبد الحميد
    Abdel Fattah|Abdelfattah = عبد الفتاح; Abdel Latif|Abdellatif = عبد اللطيف
    Abdel Ghani|Abdelghany = عبد الغني; Abdel Salam|Abdelsalam = عبد السلام
    Abdel Halim|Abdelhalim = عبد الحليم; Abdel Wahab|Abdelwahab = عبد الوهاب
    Abdel Meguid|Abdelmegid|Abdel Majid = عبد المجيد; Abdel Kader|Abdelkader = عبد القادر
    Hussein = حسين; Omar = عمر; Osman|Othman = عثمان; Youssef|Yousef = يوسف; Khalil = خليل
    Saleh|Salih = صالح; Salem = سالم; Mansour = منصور; Morsi|Morsy|Mursi = مرسي
    Moussa|Mousa|Musa = موسى; Eissa|Issa = عيسى; Amin = أمين; Said|Saeed = سعيد; Saad = سعد
    Helmy = حلمي; Fawzy = فوزي; Hamdy = حمدي; Sabry = صبري; Lotfy = لطفي; Shawky = شوقي
    Ragab = رجب; Shaaban = شعبان; Gomaa = جمعة; Khamis = خميس; Metwally = متولي
    Abdou|Abdo = عبده; Darwish = درويش; Badawi|Badawy = بدوي; Hegazy|Hegazi|Higazi = حجازي
    Shalaby|Shalabi = شلبي; Salama|Salameh = سلامة; Zaki|Zaky = زكي; Naguib|Nagib|Najib = نجيب
    Fahmy|Fahmi = فهمي; Radwan = رضوان; Rizk|Rizq = رزق; Amer = عامر
    El Masry|Elmasry|Al-Masri = المصري; El Sharkawy|Elsharkawy = الشرقاوي
    El Shafei|Elshafei = الشافعي; El Tantawy|Tantawi = الطنطاوي; El Gendy|Elgendy = الجندي
    El Naggar|Elnaggar = النجار; El Khatib|Elkhatib = الخطيب; El Hadidi|Elhadidy = الحديدي
    El Shazly|Elshazly = الشاذلي; El Sherif|Elsherif = الشريف; Hamed = حامد; Nasr = نصر
    Ashour = عاشور; Eid = عيد; Emam = إمام; Farag = فرج; Ghoneim|Ghonim = غنيم; Hafez = حافظ
    Hamouda|Hammouda = حمودة; Kamel|Kamil = كامل; Khalifa = خليفة; Marzouk|Marzouq = مرزوق
    Mekky|Makki = مكي; Nour = نور; Ouda|Odeh = عودة; Rashad = رشاد; Sami = سامي; Sharaf = شرف
    Taha = طه; Wahba = وهبة; Yassin|Yasin = ياسين; Zidan|Zeidan = زيدان; Girgis|Guirguis = جرجس
    Boutros = بطرس; Hanna = حنا; Tawfik = توفيق; Awad = عوض; Abdel Aal|Abdelaal = عبد العال
    Abdel Nabi|Abdelnaby = عبد النبي; Kandil|Qandil = قنديل; Habib = حبيب; Selim|Salim = سليم
    """,
)

_LBY = _community(
    "Libyan",
    male="""
    Mohammed|Mohamed = محمد; Ahmed = أحمد; Ali = علي; Abdulsalam|Abdel Salam = عبد السلام
    Mustafa = مصطفى; Osama = أسامة; Khalifa = خليفة; Salem|Salim = سالم; Faraj|Farag = فرج
    Omar = عمر; Mahmoud = محمود; Ibrahim = إبراهيم; Abdullah = عبد الله; Naser|Nasser = ناصر
    Abdulrahman|Abdelrahman|Abdel Rahman = عبد الرحمن; Abdulhamid|Abdelhamid = عبد الحميد
    Abdulaziz|Abdelaziz = عبد العزيز; Abdulkarim|Abdelkarim = عبد الكريم
    Abdulghani|Abdelghani = عبد الغني; Abdulhakim|Abdelhakim = عبد الحكيم
    Abdulbasit|Abdelbaset = عبد الباسط; Abdulmajid|Abdelmajid = عبد المجيد
    Abdulwahab|Abdelwahab = عبد الوهاب; Abdulrazzaq|Abdelrazek = عبد الرزاق
    Abdulqader|Abdelkader = عبد القادر; Abdulmoneim|Abdelmonem = عبد المنعم
    Abdulhadi|Abdelhadi = عبد الهادي; Abdulati|Abdelati = عبد العاطي
    Abdulhafid|Abdelhafid = عبد الحفيظ; Abdulmalik|Abdelmalek = عبد المالك
    Abdullatif|Abdellatif = عبد اللطيف; Hussein|Husain = حسين; Hassan|Hasan = حسن
    Khaled|Khalid = خالد; Yousef|Youssef = يوسف; Saleh|Salih = صالح; Salah = صلاح; Milad = ميلاد
    Muftah|Miftah = مفتاح; Masoud|Massoud = مسعود; Mabrouk = مبروك
    Abubakr|Abu Bakr|Boubaker = أبوبكر; Jumaa|Juma = جمعة; Ramadan|Ramadhan = رمضان
    Essa|Issa = عيسى; Moussa|Musa = موسى; Idris = إدريس; Anwar = أنور; Adel = عادل
    Tarek|Tariq = طارق; Walid = وليد; Hamza = حمزة; Hisham = هشام; Jamal = جمال; Fathi = فتحي
    Fawzi = فوزي; Nouri|Nuri = نوري; Ayman = أيمن; Marwan = مروان; Anas = أنس; Bilal = بلال
    Suleiman|Sulaiman = سليمان; Yahya = يحيى; Younis|Yunus = يونس; Ismail = إسماعيل
    Othman|Osman = عثمان; Hamad = حمد; Hamed = حامد; Jibril|Jebril = جبريل; Saad = سعد
    Saif|Seif = سيف; Sami = سامي; Emad|Imad = عماد; Muhannad|Mohannad = مهند; Ashraf = أشرف
    Mansour = منصور; Ayoub = أيوب; Bashir = بشير; Khairi = خيري; Hadi = هادي; Zakaria = زكريا
    Nabil = نبيل; Majdi = مجدي; Faisal = فيصل; Ezzeddin|Ezzedine = عز الدين; Alaa|Ala = علاء
    Moataz|Mutaz = معتز; Akram = أكرم; Hatem = حاتم
    """,
    female="""
    Fatima|Fatma = فاطمة; Aisha = عائشة; Khadija = خديجة; Salma = سلمى; Amal = أمل
    Hana|Hanaa = هناء; Asma = أسماء; Mabruka|Mabrouka = مبروكة
    Maryam|Mariam = مريم; Zainab|Zaineb = زينب; Amina = أمينة; Halima = حليمة; Najat = نجاة
    Nadia = نادية; Huda|Houda = هدى; Safa|Safaa = صفاء; Eman|Iman = إيمان; Sara = سارة
    Aya = آية; Noor|Nour = نور; Rabia|Rabea = ربيعة; Salwa = سلوى; Hawa|Hawwa = حواء
    Aziza = عزيزة; Najla = نجلاء; Samira = سميرة; Sumaya|Somaya = سمية; Hanan = حنان
    Wafa = وفاء; Suad|Souad = سعاد; Naima = نعيمة; Zahra = زهرة; Ruqaya|Ruqayya = رقية
    Mona = منى
    """,
    family="""
    Al-Warfalli|Warfalli|El Warfalli = الورفلي; Al-Misrati|Misrati = المصراتي
    Al-Obeidi|Obeidi = العبيدي; Al-Zawi|Zawi = الزاوي; Ben Omran|Benomran = بن عمران
    Al-Tarhouni|Tarhuni = الترهوني; Al-Senussi|Senussi = السنوسي; Al-Fitouri|Fitouri = الفيتوري
    Al-Mahmoudi|Mahmoudi = المحمودي; Al-Zintani|Zintani = الزنتاني
    Al-Magarief|Magarief = المقريف; Al-Mismari|Mismari = المسماري; Al-Barasi|Barasi = البرعصي
    Al-Ghariani|Ghariani|Gheriani = الغرياني; Al-Hasi|Hasi = الحاسي
    Al-Mangoush|Mangoush = المنقوش; Al-Magrahi|Megrahi = المقرحي; Al-Fakhri|Fakhri = الفاخري
    Al-Tajouri|Tajouri = التاجوري; Al-Swehli|Swehli|Sewehli = السويحلي
    Al-Zliteni|Zliteni = الزليتني; Al-Ghadamsi|Ghadamsi = الغدامسي
    Al-Dabbashi|Dabbashi = الدباشي; Al-Kikhia|Kikhia = الكيخيا; Al-Muntasser|Muntasser = المنتصر
    Al-Gharbi|Gharbi = الغربي; Al-Busaifi|Busaifi = البوسيفي; Al-Majbari|Majbari = المجبري
    Al-Maghribi|Maghrebi = المغربي; Al-Abbar|Abbar = العبار; Al-Fezzani|Fezzani = الفزاني
    Al-Sharif|Sharif|Elsharif = الشريف; Al-Mahdawi|Mahdawi = المهدوي
    Al-Kabir|Kabir|Elkabir = الكبير; Al-Saadi|Saadi = الساعدي; Al-Shami|Shami = الشامي
    Al-Barghathi|Barghathi = البرغثي; Al-Orfi|Orfi = العرفي; Al-Ferjani|Ferjani = الفرجاني
    Al-Tumi|Tumi = التومي; Al-Zuway|Zuwai = الزوي; Al-Baroni|Barouni = الباروني
    Al-Khoja|Khoja = الخوجة; Al-Mahjoub|Mahjoub = المحجوب; Al-Bakoush|Bakoush = البكوش
    Al-Mabrouk|Mabrouk = المبروك; Al-Tawerghi|Tawerghi = التاورغي; Al-Jerbi|Jerbi = الجربي
    Al-Shtewi|Shtewi = الشتيوي; Ben Halim|Benhalim = بن حليم; Ben Ghalbon|Benghalbon = بن غلبون
    Ben Khayal|Benkhayal = بن خيال; Abu Sahmain|Abusahmain = أبو سهمين
    Abu Shagur|Abushagur = أبو شاقور; Abu Zaid|Abuzaid = أبو زيد; Abu Ras|Aburas = أبو راس
    Al-Houni|Houni = الهوني; Al-Sharkasi|Sharkasi = الشركسي; Al-Kurdi|Kurdi = الكردي
    Al-Turki|Turki = التركي; Al-Mesallati|Msallati = المسلاتي; Al-Manfi|Menfi = المنفي
    Al-Najjar|Najjar = النجار; Al-Haddad|Haddad = الحداد; Al-Gammudi|Gammudi = القمودي
    Al-Zarrouk|Zarrouk = الزروق; Al-Sheikhi|Sheikhi = الشيخي; Al-Mansouri|Mansouri = المنصوري
    Al-Hijazi|Hijazi = الحجازي; Al-Madani|Madani = المدني; Al-Tuhami|Tuhami = التهامي
    Al-Ghazali|Ghazali = الغزالي; Al-Khalidi|Khalidi = الخالدي; Al-Badri|Badri = البدري
    Al-Hashmi|Hashmi = الهاشمي
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
    Hasan|Hassan = حسن; Hussein|Husain = حسين
    Abdulrahman|Abdel Rahman|Abd al-Rahman = عبد الرحمن; Adam = آدم; Amir|Ameer = أمير
    Bilal = بلال; Basel|Bassel = باسل; Samer = سامر; Sami = سامي; Nasser|Naser = ناصر
    Jamal = جمال; Jihad = جهاد; Iyad|Eyad = إياد; Imad|Emad = عماد; Hani = هاني
    Majed|Majid = ماجد; Marwan = مروان; Muath|Moath|Moaz = معاذ; Mousa|Musa = موسى
    Issa|Eissa = عيسى; Said|Saeed = سعيد; Salem = سالم; Suleiman|Sulaiman = سليمان
    Tareq|Tariq = طارق; Wael = وائل; Walid|Waleed = وليد; Zaid|Zeid = زيد; Ziad|Ziyad = زياد
    Raed = رائد; Ayman = أيمن; Ashraf = أشرف; Fares|Faris = فارس; Firas = فراس; Ghassan = غسان
    Hatem = حاتم; Haitham|Haytham = هيثم; Hisham = هشام; Ismail = إسماعيل; Jamil|Jameel = جميل
    Kamal = كمال; Karim|Kareem = كريم; Khalil = خليل; Louay|Luay = لؤي; Maher = ماهر
    Mazen = مازن; Mutaz|Moataz|Motaz = معتز; Nabil = نبيل; Odai|Uday = عدي; Qusai|Qusay = قصي
    Rafat|Raafat = رأفت; Sabri = صبري; Saed = سائد; Shadi = شادي; Thaer = ثائر; Yahya = يحيى
    Yasser|Yaser = ياسر; Zakaria = زكريا; Abdelkarim|Abdul Karim = عبد الكريم
    Abdelaziz|Abdul Aziz = عبد العزيز; Ammar = عمار; Bahaa|Baha = بهاء; Ehab|Ihab = إيهاب
    Hazem = حازم; Mahdi = مهدي; Munther|Mundhir = منذر; Nael = نائل
    """,
    female="""
    Fatima = فاطمة; Maryam|Mariam = مريم; Aya = آية; Lina|Leena = لينا; Rania = رانيا
    Dima = ديما; Hala = هالة; Noor|Nour = نور; Samah = سماح; Aseel|Asil = أسيل
    Aisha|Aysha = عائشة; Khadija = خديجة; Amal = أمل; Asmaa|Asma = أسماء; Hanan = حنان
    Huda = هدى; Iman|Eman = إيمان; Layan = ليان; Maysa|Maisa = ميساء; Nadia = نادية; Rasha = رشا
    Reem = ريم; Sahar = سحر; Salma = سلمى; Sara|Sarah = سارة; Shireen|Shirin = شيرين; Suha = سهى
    Wafa|Wafaa = وفاء; Yasmin|Yasmeen = ياسمين; Zainab|Zeinab = زينب; Rawan = روان; Ruba = ربى
    Nisreen|Nesreen = نسرين; Haneen|Hanin = حنين; Malak = ملك
    """,
    family="""
    Abu Khalil|Abukhalil = أبو خليل; Al-Masri|Masri|El Masri = المصري; Hamdan = حمدان
    Odeh|Awda|Ouda = عودة; Khalil = خليل; Nasser|Naser = ناصر; Abu Shanab = أبو شنب
    Qassem|Kassem|Qasim = قاسم; Saleh = صالح; Shaheen|Shahin = شاهين; Abu Ali = أبو علي
    Barghouti|Barghouthi = البرغوثي; Salameh|Salama = سلامة; Darwish|Darweesh = درويش
    Al-Najjar|Najjar = النجار
    Hamad = حمد; Mansour = منصور; Jaber = جابر; Awad = عوض; Al-Khatib|Khatib = الخطيب
    Abu Zaid|Abu Zeid = أبو زيد; Abu Hassan = أبو حسن; Abu Eid = أبو عيد; Abu Salah = أبو صلاح
    Abu Rumman = أبو رمان; Abu Ghosh = أبو غوش; Abu Sitta = أبو ستة; Abu Shamala = أبو شمالة
    Abu Srour = أبو سرور; Al-Hourani|Hourani = الحوراني; Al-Tamimi|Tamimi = التميمي
    Al-Shawa|Shawa = الشوا; Al-Husseini|Husseini = الحسيني; Al-Nashashibi|Nashashibi = النشاشيبي
    Al-Khalidi|Khalidi = الخالدي; Jarrar = جرار; Tuqan|Touqan = طوقان
    Al-Nabulsi|Nabulsi = النابلسي; Al-Jabari|Jaabari = الجعبري; Amro|Amr = عمرو
    Sharabati = شرباتي; Al-Qawasmi|Qawasmi|Kawasmi = القواسمي; Al-Natsheh|Natsheh = النتشة
    Dweik|Duwaik = دويك; Haddad = حداد; Khoury|Khouri = خوري; Shehadeh|Shehada = شحادة
    Hijazi|Hejazi = حجازي; Atallah|Ataallah = عطا الله; Mahmoud = محمود
    Abdallah|Abdullah = عبد الله; Yousef|Yousif = يوسف; Ibrahim = إبراهيم; Hassan|Hasan = حسن
    Mustafa = مصطفى; Ahmad|Ahmed = أحمد; Issa|Eissa = عيسى; Mousa|Musa = موسى
    Suleiman|Sulaiman = سليمان; Zayed|Zayid = زايد; Ayyad|Ayad = عياد; Hamdallah = حمد الله
    Shalabi = شلبي; Rabah = رباح; Ghanem|Ghanim = غانم; Jaradat = جرادات
    Sawalha|Sawalhi = صوالحة; Daraghmeh|Daraghma = دراغمة; Kittaneh|Kittana = كتانة
    Bsharat = بشارات; Abu Bakr|Abubaker = أبو بكر; Sabbah = صباح; Al-Agha|Agha = الآغا
    Al-Farra|Farra = الفرا; Abu Daqqa|Abu Dakka = أبو دقة; Al-Astal|Astal = الأسطل
    Al-Kurd|Kurd = الكرد; Hamed = حامد
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
    Jafar|Jaafar|Ja'far = جعفر; Kareem|Karim = كريم; Hadi = هادي; Mahdi|Mehdi = مهدي
    Sabah = صباح; Salim|Saleem|Selim = سليم; Adnan = عدنان; Majid|Majeed = ماجد
    Faisal|Faysal = فيصل; Abdulkarim|Abdul Karim|Abdel Karim = عبد الكريم
    Abdulamir|Abdul Amir = عبد الأمير; Abdulhussein|Abdul Hussein = عبد الحسين
    Abdulzahra|Abdul Zahra = عبد الزهرة; Riyadh|Riyad|Riad = رياض; Thamer|Thamir = ثامر
    Nasser|Nasir|Naser = ناصر; Mazin|Mazen = مازن; Mushtaq|Moshtaq = مشتاق; Saad|Sa'ad = سعد
    Saeed|Said = سعيد; Hashim|Hashem = هاشم; Hatem|Hatim = حاتم; Imad|Emad = عماد
    Zuhair|Zuhayr = زهير; Waleed|Walid = وليد; Bilal = بلال; Osama|Usama = أسامة; Anmar = أنمار
    Alaa|Ala'a = علاء; Dhiaa|Diaa|Dhia = ضياء; Ayham = أيهم; Mujtaba = مجتبى
    Hasanain|Hassanein|Hasanayn = حسنين; Ridha|Rida|Reda = رضا; Baqir|Baqer = باقر; Jawad = جواد
    Taha = طه; Yahya = يحيى; Adel|Adil = عادل; Tariq|Tareq|Tarek = طارق; Nizar = نزار
    Fadhil|Fadil|Fadel = فاضل; Abdulwahab|Abdul Wahab = عبد الوهاب
    Abdulsattar|Abdul Sattar = عبد الستار; Abduljabbar|Abdul Jabbar = عبد الجبار
    Shakir|Shaker = شاكر; Muhsin|Mohsen|Muhsen = محسن; Aqeel|Aqil|Akeel = عقيل; Muslim = مسلم
    Kamal = كمال; Jalal = جلال; Hamad = حمد; Munir|Muneer = منير; Tahsin|Tahseen = تحسين
    Fouad|Fuad = فؤاد; Sami = سامي; Basim|Bassim|Basem = باسم; Hazim|Hazem = حازم
    Luay|Louay = لؤي; Atheer|Athir = أثير; Uday|Udai = عدي; Ziad|Ziyad = زياد; Amjad = أمجد
    Maytham|Maitham|Mitham = ميثم; Salih|Saleh = صالح; Younis|Yunus|Younes = يونس
    Ismail|Ismael = إسماعيل; Suhaib|Suhayb|Sohaib = صهيب; Mundhir|Munther|Munzer = منذر
    Talib|Taleb = طالب; Khudhair|Khudair|Khdair = خضير; Abdulhadi|Abdul Hadi = عبد الهادي
    Ghanim|Ghanem = غانم; Naji = ناجي; Wathiq|Wathik = واثق
    """,
    female="""
    Fatima|Fatimah = فاطمة; Zainab|Zeinab|Zaynab = زينب; Maryam|Mariam = مريم
    Noor|Nour|Nur = نور; Hawraa|Hawra = حوراء; Ruqaya|Ruqayya|Rukaya = رقية
    Sara|Sarah = سارة; Huda = هدى; Shahad = شهد; Ban = بان; Duaa|Doaa = دعاء
    Israa|Esraa = إسراء
    Zahraa|Zahra = زهراء; Aya|Ayah = آية; Amal = أمل; Hanan = حنان; Suad|Souad = سعاد
    Khadija|Khadeeja = خديجة; Aisha|Aysha = عائشة; Layla|Leila|Laila = ليلى; Rasha = رشا
    Rana = رنا; Shaimaa|Shaima|Shaymaa = شيماء; Nadia|Nadiya = نادية; Samira|Sameera = سميرة
    Wafaa|Wafa = وفاء; Hiba|Heba = هبة; Asmaa|Asma = أسماء; Iman|Eman = إيمان; Rusul|Rosul = رسل
    Tabarak = تبارك; Ghufran|Ghofran = غفران; Sajida|Sajeda = ساجدة
    Kawthar|Kawther|Kauthar = كوثر; Baneen|Banin = بنين; Safaa|Safa = صفاء; Marwa|Marwah = مروة
    Hadeel|Hadil = هديل; Sabreen|Sabrin = صابرين; Inas|Enas = إيناس; Raghad = رغد
    Buthaina|Bothaina|Buthayna = بثينة; Jinan|Jenan = جنان
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
    Al-Lami|Lami = اللامي; Al-Mohammadawi|Al-Muhammadawi|Mohammadawi = المحمداوي
    Al-Asadi|Asadi = الأسدي; Al-Tai|Al-Taie|Taie = الطائي
    Al-Khazali|Al-Khazaali|Khazali = الخزعلي; Al-Fatlawi|Fatlawi = الفتلاوي
    Al-Hilli|Hilli = الحلي; Al-Karbalai|Karbalai = الكربلائي; Al-Najafi|Najafi = النجفي
    Al-Baghdadi|Baghdadi = البغدادي; Al-Basri|Basri = البصري
    Al-Mosuli|Al-Mousli|Mosuli = الموصلي; Al-Tikriti|Tikriti = التكريتي
    Al-Samarrai|Al-Samarraie|Samarrai = السامرائي; Al-Rawi|Rawi = الراوي
    Al-Hadithi|Hadithi = الحديثي; Al-Fahdawi|Fahdawi = الفهداوي
    Al-Issawi|Al-Essawi|Issawi = العيساوي; Al-Mashhadani|Mashhadani = المشهداني
    Al-Karkhi|Karkhi = الكرخي; Al-Dabbagh|Dabbagh = الدباغ; Al-Hakim|Hakim = الحكيم
    Al-Amiri|Al-Ameri|Amiri = العامري; Al-Araji|Araji = الأعرجي; Al-Husseini|Husseini = الحسيني
    Al-Hassani|Hassani = الحسني; Al-Badri|Badri = البدري; Al-Shaibani|Shaibani = الشيباني
    Al-Ghanimi|Ghanimi = الغانمي; Al-Zaidi|Zaidi = الزيدي; Al-Shuwaili|Shuwaili = الشويلي
    Al-Sudani|Sudani = السوداني; Al-Ibrahimi|Ibrahimi = الإبراهيمي; Al-Mayahi|Mayahi = المياحي
    Al-Kinani|Kinani = الكناني; Al-Bahadli|Bahadli = البهادلي
    Al-Daraji|Al-Darraji|Daraji = الدراجي; Al-Hayali|Hayali = الحيالي
    Al-Nuaimi|Al-Naimi|Nuaimi = النعيمي; Al-Jumaili|Jumaili = الجميلي
    Al-Mashhadi|Mashhadi = المشهدي; Al-Qaisi|Al-Kaisi|Qaisi = القيسي
    Al-Mafraji|Mafraji = المفرجي; Al-Khalidi|Khalidi = الخالدي; Al-Zamili|Zamili = الزاملي
    Al-Yasiri|Yasiri = الياسري; Al-Salihi|Salihi = الصالحي; Al-Attar|Attar = العطار
    Al-Shawi|Shawi = الشاوي; Al-Sheikhly|Al-Sheikhli|Sheikhly = الشيخلي
    Al-Nasiri|Nasiri = الناصري; Al-Dujaili|Dujaili = الدجيلي; Al-Rikabi|Rikabi = الركابي
    Al-Hilali|Al-Helali|Hilali = الهلالي; Al-Jaberi|Al-Jabiri|Jaberi = الجابري
    Al-Oqaili|Al-Ugaili|Oqaili = العقيلي; Al-Harbi|Harbi = الحربي; Al-Kubaisi|Kubaisi = الكبيسي
    Al-Sabbagh|Sabbagh = الصباغ; Al-Najjar|Najjar = النجار; Al-Haddad|Haddad = الحداد
    Al-Bazzaz|Bazzaz = البزاز; Al-Khayyat|Khayyat = الخياط; Al-Saffar|Saffar = الصفار
    Al-Quraishi|Al-Qurashi|Quraishi = القريشي; Al-Alawi|Alawi = العلوي
    Al-Mukhtar|Mukhtar = المختار; Al-Mahdawi|Mahdawi = المهداوي; Al-Sharifi|Sharifi = الشريفي
    Al-Safi|Safi = الصافي; Al-Aboudi|Aboudi = العبودي; Al-Ghurairi|Ghurairi = الغريري
    Al-Waeli|Waeli = الوائلي; Al-Jazairi|Jazairi = الجزائري; Al-Karbouli|Karbouli = الكربولي
    Al-Sheikh|Al-Shaikh|Sheikh = الشيخ; Al-Sultani|Sultani = السلطاني
    Al-Abbasi|Abbasi = العباسي; Al-Falahi|Falahi = الفلاحي
    Al-Zobaie|Al-Zoubaie|Zobaie = الزوبعي; Al-Gharawi|Gharawi = الغراوي
    Al-Shibli|Shibli = الشبلي; Al-Mansouri|Mansouri = المنصوري; Al-Maamouri|Maamouri = المعموري
    Al-Khuzaie|Al-Khozaie|Khuzaie = الخزاعي; Al-Khaqani|Khaqani = الخاقاني
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
    Karzan = کارزان; Hawre|Hawri = هاوڕێ; Hardi|Hardy = هەردی; Hogr|Hoger = هۆگر; Dara = دارا
    Diyar|Dyar = دیار; Peshawa|Pishawa = پێشەوا; Shakhawan = شاخەوان; Sirwan|Serwan = سیروان
    Kamaran|Kameran = کامەران; Barzan = بەرزان; Ranj = ڕەنج; Rekawt|Rekaut = ڕێکەوت
    Hawar = هاوار; Nyaz|Niyaz = نیاز; Bestun|Bestoon = بێستوون; Bahoz = بەهۆز; Araz = ئاراز
    Shaho = شاهۆ; Sardar = سەردار; Halo = هەڵۆ; Dana = دانا; Pshtiwan|Peshtiwan = پشتیوان
    Kosrat = کۆسرەت; Jamal = جەمال; Kamal = کەمال; Jalal = جەلال; Latif|Lateef = لەتیف
    Abdullah|Abdulla = عەبدوڵڵا; Ibrahim = ئیبراهیم; Osman|Othman = عوسمان
    Mahmood|Mahmud = مەحموود; Rasul|Rasool = ڕەسووڵ; Qadir|Kadir = قادر; Khalid|Khaled = خالید
    Faraidun|Fereydun = فەرەیدوون; Nawroz|Newroz = نەورۆز; Sherzad = شێرزاد; Bilind|Blind = بڵند
    Yad = یاد; Sangar = سەنگەر; Darbaz = دەرباز; Rebaz = ڕێباز; Ako = ئاکۆ; Bryar|Biryar = بڕیار
    Alan = ئالان; Rizgar|Rzgar = ڕزگار; Sarbast = سەربەست; Mariwan = مەریوان; Shorsh = شۆڕش
    Ismail = ئیسماعیل; Yousif|Yusuf = یووسف; Hassan|Hasan = حەسەن; Rahman = ڕەحمان
    Karim|Kareem = کەریم; Anwar = ئەنوەر; Fuad|Fouad = فوئاد
    """,
    female="""
    Shilan = شیلان; Nasrin|Nesrin = نەسرین; Zhino|Jino = ژینۆ; Avin|Aveen = ئاڤین
    Dilan|Dlan = دیلان; Shirin|Sheereen = شیرین; Gulistan|Gulstan = گوڵستان
    Hana = هانا; Lana = لانا; Nishtiman|Nishtman = نیشتمان
    Chra|Chira = چرا; Shno = شنۆ; Tara = تارا; Bahar = بەهار; Sozan = سۆزان
    Kazhal|Kajal = کەژاڵ; Shokhan = شۆخان; Rozhan = ڕۆژان; Darya = دەریا
    Hawzhin|Hawjin = هاوژین; Kani = کانی; Banaz = بەناز; Nazdar = نازدار
    Parwin|Parween = پەروین; Zhian|Zhiyan = ژیان; Sara = سارا; Fatima|Fatma = فاتیمە
    Khanzad = خانزاد; Ronak = ڕووناک; Bayan = بەیان; Zhila = ژیلا; Hero = هێرۆ
    Shaida|Shayda = شەیدا
    """,
    family="""
    Hawrami|Hawramy = هەورامی; Jaff|Jaf = جاف; Zebari|Zibari = زێباری; Doski|Duski = دۆسکی
    Sindi = سندی; Surchi = سورچی; Mahmood|Mahmud = مەحمود; Rashid|Rasheed = ڕەشید
    Kakai|Kakayi = کاکەیی; Baban = بابان; Ahmed|Ahmad = ئەحمەد; Aziz = عەزیز
    Qadir|Kadir = قادر; Salih|Saleh = ساڵح
    Barzani = بارزانی; Talabani = تاڵەبانی; Hamawandi = هەمەوەندی; Dizayee|Dizai = دزەیی
    Pishdari|Pshdari = پشدەری; Bilbas|Balbas = بلباس; Harki = هەرکی; Mizuri|Mizouri = میزووری
    Shwani = شوانی; Barwari = بەرواری; Khoshnaw = خۆشناو; Mangur = مەنگوڕ; Bradosti = برادۆستی
    Rekani = ڕێکانی; Zangana = زەنگەنە; Kalhor = کەلهوڕ; Garmiyani = گەرمیانی
    Sharazuri|Shahrazuri = شارەزووری; Sulaimani|Slemani = سلێمانی; Hawleri = هەولێری
    Karkuki|Kirkuki = کەرکووکی; Rawanduzi = ڕەواندزی; Akrayi|Aqrawi = ئاکرەیی
    Amedi|Amadi = ئامێدی; Koyi = کۆیی; Qaradaghi|Karadaghi = قەرەداغی; Mukri|Mokri = موکری
    Jabari = جەباری; Sheikh|Shekh = شێخ; Mustafa = مستەفا; Hussein|Hussain = حوسێن
    Mohammed|Muhammad = محەمەد; Omar|Umar = عومەر; Abdullah|Abdulla = عەبدوڵڵا
    Hassan|Hasan = حەسەن; Karim|Kareem = کەریم; Ali = عەلی; Rasul|Rasool = ڕەسووڵ
    Ismail = ئیسماعیل; Ibrahim = ئیبراهیم; Khidir|Khder = خدر
    Abdulrahman|Abdul Rahman = عەبدولڕەحمان; Hama = حەمە; Amin|Ameen = ئەمین
    Majid|Majeed = مەجید; Tahir|Taher = تاهیر; Saeed|Said = سەعید; Jalal = جەلال
    Othman|Osman = عوسمان; Faraj = فەرەج; Maruf|Marouf = مەعروف; Jamil|Jameel = جەمیل
    Mirza = میرزا; Rahim|Raheem = ڕەحیم; Hamid|Hameed = حەمید; Yousif|Yusuf = یووسف
    Bapir = باپیر; Mamand = مامەند; Anwar = ئەنوەر; Nuri|Noori = نووری; Latif|Lateef = لەتیف
    Sabir|Saber = سابیر
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
    Mohammadreza|Mohammad Reza = محمدرضا; Alireza|Ali Reza = علیرضا
    Hamidreza|Hamid Reza = حمیدرضا; Amirhossein|Amir Hossein = امیرحسین
    Mohammadali|Mohammad Ali = محمدعلی; Mohammadhossein|Mohammad Hossein = محمدحسین
    Gholamreza|Gholam Reza|Golamreza = غلامرضا; Gholamhossein|Gholam Hossein = غلامحسین
    Mohammadmahdi|Mohammad Mahdi|Mohammad Mehdi = محمدمهدی; Amirali|Amir Ali = امیرعلی
    Amirmohammad|Amir Mohammad = امیرمحمد; Ali Akbar|Aliakbar = علی اکبر
    Mohammadjavad|Mohammad Javad = محمدجواد; Mohammadamin|Mohammad Amin = محمدامین; Hamed = حامد
    Mahmoud|Mahmood|Mahmud = محمود; Kazem|Kazim = کاظم; Bagher|Baqer|Baqir = باقر
    Sadegh|Sadeq|Sadiq = صادق; Taghi|Taqi = تقی; Naser|Nasser|Nasir = ناصر
    Mansour|Mansoor|Mansur = منصور; Jafar|Jaafar|Djafar = جعفر; Karim = کریم; Akbar = اکبر
    Asghar = اصغر; Rasoul|Rasool|Rasul = رسول; Jalal = جلال; Kamal = کمال; Jamal = جمال
    Hashem|Hashim = هاشم; Ghasem|Qasem|Qasim = قاسم; Hojjat|Hojat = حجت
    Ruhollah|Rouhollah|Ruhullah = روح الله; Habib = حبیب; Nasrollah|Nasrullah = نصرالله
    Asadollah|Asadullah = اسدالله; Fathollah|Fatollah = فتح الله; Hedayat = هدایت
    Hamzeh|Hamza = حمزه; Yaser|Yasser|Yasir = یاسر; Ramin = رامین; Shahin = شاهین
    Shahram = شهرام; Shahrokh|Shahrukh = شاهرخ; Bahram = بهرام; Bahman = بهمن
    Bijan|Bizhan = بیژن; Siavash|Siavosh|Siyavash = سیاوش; Kaveh|Kave = کاوه
    Kianoush|Kianush = کیانوش; Keyvan|Kayvan|Kaivan = کیوان; Khosrow|Khosro = خسرو
    Parviz|Parwiz = پرویز; Mehrdad = مهرداد; Farzad = فرزاد; Farshad = فرشاد; Farid = فرید
    Farshid = فرشید; Jamshid = جمشید; Saman = سامان; Sasan = ساسان; Soroush|Sorush = سروش
    Afshin = افشین; Mahyar = مهیار; Arman = آرمان; Aria|Arya = آریا; Arian|Aryan = آرین
    Ashkan = اشکان; Parsa = پارسا; Pedram = پدرام; Payam = پیام; Pejman|Pezhman = پژمان
    Ramtin = رامتین; Salman = سلمان; Sajjad|Sajad = سجاد; Shahriar|Shahryar = شهریار
    Shayan = شایان; Soheil|Sohail = سهیل; Taha = طاها; Yasin|Yaseen = یاسین
    Younes|Yunes|Yunus = یونس; Behnam = بهنام; Behrouz|Behrooz = بهروز; Behrang = بهرنگ
    Benyamin|Binyamin = بنیامین; Danial|Daniyal = دانیال; Erfan|Irfan = عرفان
    Hesam|Hessam = حسام; Hooman|Houman = هومن; Jalil = جلیل; Kiarash = کیارش; Mani = مانی
    Masih = مسیح; Matin = متین; Mazyar|Maziar = مازیار; Meysam|Meisam|Maysam = میثم
    Morad|Murad = مراد; Naeim|Naim = نعیم; Nader|Nadir = نادر; Nasim = نسیم; Parham = پرهام
    Pouria|Pourya|Puria = پوریا; Rahman = رحمان; Roozbeh|Rouzbeh|Ruzbeh = روزبه; Sadra = صدرا
    Saleh = صالح; Samad = صمد; Sepehr = سپهر; Shapour|Shapur = شاپور; Sohrab = سهراب
    Rostam|Rustam = رستم; Heydar|Heidar|Haidar = حیدر; Jahangir = جهانگیر
    Kiumars|Kiomars = کیومرث; Manouchehr|Manuchehr = منوچهر; Nosrat|Nusrat = نصرت
    Eskandar|Iskandar = اسکندر; Esfandiar|Esfandyar = اسفندیار
    Fereydoun|Fereidoun|Fereydun = فریدون; Ghodrat|Qodrat = قدرت; Gholam|Golam = غلام
    Iraj = ایرج; Jaber = جابر; Javid|Javed = جاوید; Keramat = کرامت; Mahan = ماهان
    Mousa|Musa = موسی; Eisa|Isa = عیسی; Yaghoub|Yaqub|Yaghoob = یعقوب
    Soleiman|Soleyman|Suleiman = سلیمان; Davoud|Davood|Daoud = داوود; Zakaria|Zakariya = زکریا
    Yahya = یحیی; Ayoub|Ayub = ایوب; Elyas|Ilyas = الیاس; Aref = عارف; Adel = عادل; Ata = عطا
    Bashir = بشیر; Emad = عماد; Faramarz = فرامرز; Fardin = فردین; Faraz = فراز
    Homayoun|Homayun = همایون; Kamyar = کامیار; Kasra = کسری; Nariman = نریمان; Saber = صابر
    Salar = سالار; Shahrouz|Shahrooz = شهروز; Shervin = شروین; Touraj|Turaj = تورج
    Yazdan = یزدان; Abdollah|Abdullah = عبدالله; Abdolreza = عبدالرضا; Abdolhossein = عبدالحسین
    Hassanali|Hasan Ali = حسنعلی; Nematollah|Nematullah = نعمت الله; Heshmat = حشمت; Ezzat = عزت
    Esmat = عصمت; Hossein Ali|Hosseinali = حسین علی; Mohammadtaghi|Mohammad Taghi = محمدتقی
    """,
    female="""
    Fatemeh|Fatima|Fatemah = فاطمه; Zahra = زهرا; Maryam = مریم; Narges = نرگس
    Leila|Leyla = لیلا; Mahsa = مهسا; Sara = سارا; Shirin = شیرین; Parisa = پریسا
    Elham = الهام; Somayeh|Somaye = سمیه; Neda = ندا; Roya = رویا; Maedeh = مائده
    Niloofar|Niloufar|Nilufar = نیلوفر; Azadeh = آزاده; Mina = مینا; Zeinab = زینب
    Masoumeh|Masoume|Masuma = معصومه; Marzieh|Marziyeh = مرضیه; Mahboubeh|Mahbubeh = محبوبه
    Razieh|Raziyeh = راضیه; Tahereh|Tahere = طاهره; Zohreh|Zohre = زهره; Soheila = سهیلا
    Farzaneh = فرزانه; Fereshteh = فرشته; Sakineh = سکینه; Kobra = کبری; Soghra = صغری
    Khadijeh|Khadije = خدیجه; Roghayeh|Roqayeh|Roghieh = رقیه; Akram = اکرم; Ashraf = اشرف
    Azam = اعظم; Mahin = مهین; Parvin = پروین; Mehri = مهری; Shahla = شهلا; Nasrin = نسرین
    Shahnaz = شهناز; Mahnaz = مهناز; Simin = سیمین; Sima = سیما; Homa = هما; Golnaz = گلناز
    Golnar = گلنار; Nazanin = نازنین; Negar = نگار; Negin = نگین; Mahtab = مهتاب
    Mahdieh = مهدیه; Atefeh = عاطفه; Atena = آتنا; Azar = آذر; Behnaz = بهناز; Bahareh = بهاره
    Farnaz = فرناز; Fariba = فریبا; Forough|Forugh = فروغ; Haleh = هاله; Hanieh|Haniyeh = هانیه
    Hoda = هدی; Kimia = کیمیا; Ladan = لادن; Manijeh = منیژه; Marjan = مرجان; Mitra = میترا
    Mojgan|Mozhgan = مژگان; Nahid = ناهید; Pegah = پگاه; Raheleh = راحله; Saba = صبا
    Samira = سمیرا; Sepideh = سپیده; Shabnam = شبنم; Shiva = شیوا; Soraya = ثریا
    Tahmineh = تهمینه; Yasaman|Yasamin = یاسمن; Ziba = زیبا; Nafiseh = نفیسه; Hamideh = حمیده
    Faezeh = فائزه; Nazila = نازیلا; Sahar = سحر; Elnaz = الناز; Farideh = فریده
    Zhila|Jila = ژیلا; Minoo|Minu = مینو; Fahimeh = فهیمه; Shokoufeh|Shokoofeh = شکوفه
    Tayebeh = طیبه
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
    Abbasi = عباسی; Alizadeh = علیزاده; Mirzaei|Mirzaee|Mirzaie = میرزایی; Jalali = جلالی
    Rahmani = رحمانی; Sharifi = شریفی; Azizi = عزیزی; Mahmoudi|Mahmudi = محمودی
    Hassani|Hasani = حسنی; Sohrabi = سهرابی; Bahrami = بهرامی; Yousefi|Yusefi = یوسفی
    Esmaeili|Esmaili|Ismaili = اسماعیلی; Ghaffari|Ghafari = غفاری; Jamali = جمالی
    Kamali = کمالی; Samadi = صمدی; Habibi = حبیبی; Naderi = نادری; Taheri = طاهری
    Mohammadzadeh = محمدزاده; Alavi = علوی; Tehrani = تهرانی; Shirazi = شیرازی
    Esfahani|Isfahani = اصفهانی; Tabrizi = تبریزی; Kermani = کرمانی; Mashhadi = مشهدی
    Yazdi = یزدی; Rezazadeh = رضازاده; Hosseinpour|Hoseinpour = حسینپور; Afshar = افشار
    Asgari|Askari = عسگری; Akbarzadeh = اکبرزاده; Amiri = امیری; Ansari = انصاری; Arabi = عربی
    Ashrafi = اشرفی; Azadi = آزادی; Bakhtiari|Bakhtiyari = بختیاری; Daneshvar = دانشور
    Davoudi|Davoodi = داوودی; Dehghan|Dehqan = دهقان; Dehghani|Dehqani = دهقانی
    Eskandari = اسکندری; Farahmand = فرهمند; Faraji = فرجی; Fazeli = فاضلی
    Ghafouri|Ghafoori = غفوری; Ghanbari|Qanbari = قنبری; Gholami|Golami = غلامی
    Hajizadeh = حاجیزاده; Haghighi|Haqiqi = حقیقی; Hakimi = حکیمی; Hamidi = حمیدی
    Jahani = جهانی; Javadi = جوادی; Karami = کرمی; Khalili = خلیلی; Khani = خانی
    Khodadadi = خدادادی; Latifi = لطیفی; Madani = مدنی; Mahdavi = مهدوی; Maleki = ملکی
    Mansouri|Mansoori = منصوری; Mehrabi = محرابی; Mohseni = محسنی; Mokhtari = مختاری
    Nasiri = نصیری; Nazari = نظری; Nikpour = نیکپور; Omidi = امیدی; Pakzad = پاکزاد
    Parvizi = پرویزی; Rashidi = رشیدی; Razavi = رضوی; Rahmati = رحمتی; Roshan = روشن
    Safari = صفری; Saberi = صابری; Salimi = سلیمی; Shakeri = شاکری; Shokri = شکری
    Soleimani|Soleymani = سلیمانی; Tavakoli = توکلی; Valizadeh = ولیزاده; Yazdani = یزدانی
    Zamani = زمانی; Zand = زند; Abedi = عابدی; Alipour = علیپور; Azimi = عظیمی; Bakhshi = بخشی
    Bayat = بیات; Darvishi = درویشی; Ebadi = عبادی; Emami = امامی; Etemadi = اعتمادی
    Fallah = فلاح; Farhadi = فرهادی; Fathi = فتحی; Haddadi = حدادی; Jafarzadeh = جعفرزاده
    Karbalaei|Karbalaee = کربلایی; Kashani = کاشانی; Khademi = خادمی; Khosravi = خسروی
    Majidi = مجیدی; Momeni = مؤمنی; Nejati = نجاتی; Norouzi|Nowruzi|Nouruzi = نوروزی
    Ranjbar = رنجبر; Rasouli|Rasuli = رسولی; Sabouri|Saburi = صبوری; Sadri = صدری
    Sajjadi = سجادی; Samimi = صمیمی; Sedighi|Sediqi = صدیقی; Shafiei|Shafiee = شفیعی
    Shahidi = شهیدی; Tabatabaei|Tabatabaee = طباطبایی; Taghavi|Taqavi = تقوی; Vaziri = وزیری
    Yaghoubi|Yaqubi = یعقوبی; Zahedi = زاهدی; Ghaderi|Qaderi = قادری; Mortazavi = مرتضوی
    Mostafavi = مصطفوی; Kiani = کیانی; Mohammadpour = محمدپور; Ahmadzadeh = احمدزاده
    Bahmani = بهمنی; Teymouri|Teimouri = تیموری; Sepehri = سپهری; Behzadi = بهزادی
    Keshavarz = کشاورز; Najjar = نجار; Sarraf = صراف; Attar = عطار; Ahangar = آهنگر
    Nabavi = نبوی; Hejazi = حجازی; Ebrahimzadeh = ابراهیمزاده; Lotfi = لطفی; Asghari = اصغری
    Panahi = پناهی; Rafiei = رفیعی; Raeisi|Raisi = رئیسی; Vahidi = وحیدی; Yarahmadi = یاراحمدی
    Hamedani = همدانی; Ghazvini|Qazvini = قزوینی; Rashti = رشتی; Gilani = گیلانی
    Mazandarani = مازندرانی; Mohajer = مهاجر; Mohajeri = مهاجری; Fakhri = فخری; Hatami = حاتمی
    Shariati = شریعتی; Mirzadeh = میرزاده; Sharifzadeh = شریفزاده; Rostamzadeh = رستمزاده
    Ghasemzadeh = قاسمزاده; Kazemzadeh = کاظمزاده; Karimzadeh = کریمزاده; Rahimzadeh = رحیمزاده
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
    Adnan = عدنان; Bilal = بلال; Walid|Waleed = وليد; Nabil|Nabeel = نبيل
    Hussam|Hossam|Housam = حسام; Iyad|Eyad|Ayad = إياد; Imad|Emad = عماد; Ayman|Aiman = أيمن
    Nizar = نزار; Maher = ماهر; Mazen|Mazin = مازن; Hani|Hany = هاني; Ziad|Ziyad = زياد
    Riad|Riyad = رياض; Munir|Mounir = منير; Hisham|Hesham = هشام; Jihad|Jehad = جهاد
    Raed = رائد; Ayham = أيهم; Qusai|Qusay|Kusai = قصي; Tamer|Tamir = تامر; Yahya = يحيى
    Zakaria|Zakariya = زكريا; Ismail|Ismael = إسماعيل; Suleiman|Sulaiman|Soliman = سليمان
    Abdulaziz|Abdul Aziz|Abdel Aziz = عبد العزيز; Abdulhamid|Abdul Hamid = عبد الحميد
    Abdulqader|Abdul Kader|Abdulkader = عبد القادر; Abdulrazzaq|Abdul Razzak = عبد الرزاق
    Abdulsalam|Abdul Salam = عبد السلام; Abdulghani|Abdul Ghani = عبد الغني; Nasser|Naser = ناصر
    Salem = سالم; Saeed|Said = سعيد; Faisal|Faysal = فيصل; Fawaz = فواز; Hazem|Hazim = حازم
    Bassel|Basel = باسل; Bassem|Basem|Basim = باسم; Ghassan = غسان; Marwan = مروان; Nidal = نضال
    Ihab|Ehab = إيهاب; Ayoub|Ayyub = أيوب; Omran|Imran = عمران; Hammoud|Hamoud = حمود
    Talal = طلال; Shadi = شادي; Alaa = علاء; Rabie|Rabih = ربيع; Jamil|Jameel = جميل
    Kamal = كمال; Adel|Adil = عادل; Amer = عامر; Thaer|Thair = ثائر; Khalil = خليل
    Fahed|Fahd = فهد; Sami|Samy = سامي; Nawaf = نواف; Obaida|Ubaida = عبيدة; Baraa|Bara = براء
    Moutaz|Mutaz|Moataz = معتز; Humam = همام; Taim|Taym = تيم; Karam = كرم; Yamen|Yaman = يامن
    Aws|Aous = أوس; Qais|Kais|Qays = قيس; Hadi = هادي; Maan = معن; Abdo|Abdu = عبدو
    Ezzat|Izzat = عزت; Fares|Faris = فارس; Issa|Eissa = عيسى; Mousa|Musa|Moussa = موسى
    Saad = سعد; Sultan = سلطان; Diab|Dyab = دياب; Fayez|Faiz = فايز
    """,
    female="""
    Fatima = فاطمة; Maryam|Mariam = مريم; Aya = آية; Rasha = رشا; Rana = رنا; Hala = هالة
    Lama = لمى; Nour = نور; Amal = أمل; Hiba|Heba = هبة; Sham = شام; Raghad = رغد
    Ruba = ربى
    Sara|Sarah = سارة; Aisha|Aysha = عائشة; Khadija|Khadeeja = خديجة; Zainab|Zeinab = زينب
    Asmaa|Asma = أسماء; Hanan = حنان; Huda|Houda = هدى; Lina|Leena = لينا; Reem|Rim = ريم
    Dima = ديما; Rania = رانيا; Bushra|Boushra = بشرى; Amina|Amena = أمينة; Samar = سمر
    Yasmin|Yasmine = ياسمين; Nada = ندى; Manal = منال; Ghada = غادة; Suzan|Souzan = سوزان
    Safaa|Safa = صفاء; Wafaa|Wafa = وفاء; Ola|Oula = علا; Batoul|Batool = بتول
    Layla|Leila = ليلى; Hanadi = هنادي; Malak = ملك; Joud|Jood = جود; Nisreen|Nesrin = نسرين
    Marah = مرح; Iman|Eman = إيمان; Hind = هند
    """,
    family="""
    Al-Ahmad|Alahmad|Al Ahmad = الأحمد; Al-Hassan|Alhasan = الحسن; Al-Ali|Alali = العلي
    Al-Hussein|Alhussein = الحسين; Al-Khatib|Khatib|Alkhatib = الخطيب
    Al-Halabi|Halabi = الحلبي; Al-Homsi|Homsi = الحمصي; Al-Shami|Shami = الشامي
    Al-Masri|Masri = المصري; Haddad = حداد; Kassab|Qassab = قصاب; Darwish = درويش
    Al-Hamwi|Hamwi = الحموي; Al-Mohammad|Almohammad = المحمد; Al-Omar|Alomar = العمر
    Al-Saleh|Alsaleh = الصالح; Al-Abdullah|Alabdullah = العبدالله
    Al-Khalil|Alkhalil = الخليل; Al-Ibrahim|Alibrahim = الإبراهيم
    Al-Mustafa|Almustafa = المصطفى; Al-Yousef|Alyousef|Al-Youssef = اليوسف
    Al-Hamad|Alhamad = الحمد; Al-Khalaf|Alkhalaf = الخلف; Al-Hamoud|Alhamoud = الحمود
    Al-Issa|Alissa = العيسى; Al-Mousa|Almousa = الموسى; Al-Sheikh|Alsheikh = الشيخ
    Al-Jasem|Aljasem|Al-Jassem = الجاسم; Al-Hariri|Hariri = الحريري
    Al-Zoubi|Zoubi|Al-Zoabi = الزعبي; Al-Masalmeh|Masalmeh = المسالمة
    Al-Rifai|Rifai|Al-Refai = الرفاعي; Al-Kurdi|Kurdi = الكردي; Al-Turkmani|Turkmani = التركماني
    Al-Idlibi|Idlibi = الإدلبي; Al-Dimashqi|Dimashki = الدمشقي
    Al-Hourani|Hourani|Horani = الحوراني; Al-Najjar|Najjar = النجار; Al-Attar|Attar = العطار
    Al-Sabbagh|Sabbagh = الصباغ; Al-Khayat|Khayat|Al-Khayyat = الخياط
    Al-Hallak|Hallak|Hallaq = الحلاق; Al-Jundi|Jundi = الجندي; Kanaan|Kanan = كنعان
    Mansour|Mansur = منصور; Al-Nasser|Alnasser = الناصر; Al-Sayed|Sayed|Al-Sayyid = السيد
    Al-Hashem|Hashem = الهاشم; Qabbani|Kabbani = قباني; Al-Bitar|Bitar|Baytar = البيطار
    Al-Tawil|Tawil|Al-Taweel = الطويل; Al-Qadri|Kadri = القادري; Al-Hamed|Alhamed = الحامد
    Al-Jumaa|Aljumaa|Al-Juma = الجمعة; Al-Khalid|Alkhalid = الخالد
    Al-Othman|Alothman|Al-Osman = العثمان; Al-Ismail|Alismail = الإسماعيل
    Al-Suleiman|Alsuleiman = السليمان; Al-Obeid|Alobeid = العبيد; Al-Hamdan|Alhamdan = الحمدان
    Al-Shaar|Shaar = الشعار; Al-Jaber|Aljaber = الجابر; Al-Rashid|Alrashid = الراشد
    Al-Salem|Alsalem = السالم; Al-Sultan|Alsultan = السلطان; Al-Daher|Aldaher = الظاهر
    Al-Mahmoud|Almahmoud = المحمود; Al-Ghazi|Alghazi = الغازي; Al-Diab|Aldiab = الدياب
    Al-Faris|Alfaris = الفارس; Al-Hajji|Alhajji|Al-Haji = الحجي; Shehadeh|Shehada = شحادة
    Qassem|Kassem = قاسم; Mahfouz = محفوظ; Al-Zein|Zein|Al-Zain = الزين; Al-Hakim|Hakim = الحكيم
    Al-Sharif|Sharif = الشريف; Al-Ahmar|Ahmar = الأحمر; Al-Abed|Abed = العابد
    Al-Tayeb|Tayeb = الطيب; Al-Nouri|Nouri = النوري; Al-Deiri|Deiri = الديري; Hamada = حمادة
    Sukkar|Sukar = سكر; Helou|Hilu = حلو; Al-Akhras|Akhras = الأخرس; Al-Kheir|Kheir = الخير
    Al-Hijazi|Hijazi = الحجازي; Al-Shamali|Shamali = الشمالي; Al-Kayyali|Kayyali = الكيالي
    Al-Jazairi|Jazairi = الجزائري; Al-Baghdadi|Baghdadi = البغدادي; Al-Saadi|Saadi = السعدي
    Zaitoun|Zeitoun = زيتون; Khoury|Khouri|Khuri = خوري; Abboud|Aboud = عبود
    Tarabishi = طرابيشي; Al-Hafez|Hafez = الحافظ; Al-Mahamid|Mahamid = المحاميد
    Al-Hasani|Hasani = الحسني; Al-Naimi|Naimi|Al-Nuaimi = النعيمي; Al-Obaidi|Obaidi = العبيدي
    Al-Shammari|Shammari = الشمري; Al-Tamimi|Tamimi = التميمي; Al-Jubouri|Jubouri = الجبوري
    Al-Hadid|Hadid = الحديد
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
    Ali = علي; Omar|Umar = عمر; Mustafa = مصطفى; Ibrahim = إبراهيم; Abdullah|Abdallah = عبد الله
    Khalil|Xelîl = خليل; Hassan|Hasan = حسن; Salah = صلاح; Jamil|Cemîl = جميل
    Hamid|Hemîd = حميد; Abdulrahman|Abdul Rahman = عبد الرحمن; Rashid|Reşîd = رشيد
    Yousef|Yusuf = يوسف; Ismail = إسماعيل; Khaled|Khalid|Xalid = خالد
    Sheikhmous|Şêxmûs = شيخموس; Rubar = روبار; Rojhat = روجهات; Dilshad|Dilşad = دلشاد
    Aras = آراس; Heval|Hewal = هفال; Firat = فرات; Bewar|Bêwar = بيوار
    Shervan|Şervan|Sherwan = شيروان; Renas|Rênas = ريناس; Mazlum|Mazloum = مظلوم; Roni = روني
    Reber|Rêber = ريبر; Ferhad|Farhad = فرهاد; Sherzad|Şerzad = شيرزاد
    Kamiran|Kamuran = كاميران; Berzan|Barzan = برزان; Zinar = زنار; Siyamend|Siyamand = سيامند
    Masoud|Mesud = مسعود; Idris = إدريس; Suleiman|Silêman = سليمان
    Abdulkarim|Abdul Karim = عبد الكريم; Abdulhamid|Abdul Hamid = عبد الحميد; Abdo|Evdo = عبدو
    Amin|Emin = أمين; Fawaz = فواز; Bahzad|Behzad = بهزاد; Nuri|Nouri = نوري; Sabri = صبري
    Fuad|Fouad = فؤاد; Jalal|Celal = جلال; Kamal|Kemal = كمال; Osman|Othman = عثمان
    Luqman|Lokman = لقمان; Diyar|Dyar = ديار; Aram = آرام; Zana = زانا; Dara = دارا
    Walid|Welid = وليد; Salih|Saleh = صالح; Hamza = حمزة; Bilal = بلال; Shahin|Şahîn = شاهين
    Serdar|Sardar = سردار; Abdulqadir|Abdulkadir = عبد القادر; Maher|Mahir = ماهر
    Khabat|Xebat = خبات; Hishyar|Hişyar = هشيار; Nader|Nadir = نادر
    """,
    female="""
    Rojin|Rojîn = روجين; Berivan = بريفان; Zozan = زوزان; Nesrin|Nisrin = نسرين
    Gulistan = كولستان; Hevin|Hêvîn = هيفين; Fatima = فاطمة; Amina = أمينة
    Jiyan|Jian = جيان; Dilan = ديلان; Avin|Evin = آفين; Viyan|Vian = فيان; Shilan|Şîlan = شيلان
    Narin = نارين; Helin|Hêlîn = هيلين; Zainab|Zeinab = زينب; Khadija|Xedîce = خديجة
    Aisha|Ayşe = عائشة; Bahar|Behar = بهار; Sozdar = سوزدار; Delal = دلال
    Ronahi|Ronahî = روناهي; Dilnaz = دلناز; Leyla|Layla = ليلى; Shirin|Şîrîn = شيرين
    Hanan = حنان; Mariam|Maryam = مريم; Zelal = زلال; Arin = آرين; Zin|Zîn = زين; Sara = سارة
    Nujin|Nûjîn = نوجين
    """,
    family="""
    Sheikho|Şêxo = شيخو; Hamo|Hemo = حمو; Osso|Oso = أوسو; Mamo = مامو; Khalo = خالو
    Bakr|Bakir = بكر; Haso|Hesso = حسو; Ibo = إيبو; Ali = علي; Mustafa = مصطفى
    Ahmo = أحمو; Hamdo = حمدو; Abdo|Evdo = عبدو; Mousa|Musa = موسى; Issa|Îsa = عيسى
    Ibrahim = إبراهيم; Hussein|Husein = حسين; Hassan|Hasan = حسن; Omar|Umar = عمر
    Mohammad|Mihemed = محمد; Ahmad|Ahmed = أحمد; Khalil|Xelîl = خليل; Suleiman|Silêman = سليمان
    Yousef|Yusuf = يوسف; Jamo|Camo = جمو; Bozan = بوزان; Temo|Timo = تمو; Kobani = كوباني
    Afrini = عفريني; Barazi = برازي; Milli|Mili = ملي; Dakori|Dakuri = دقوري; Haji|Hajji = حاجي
    Qasem|Kasim = قاسم; Rashid|Reşîd = رشيد; Ismail = إسماعيل; Othman|Osman = عثمان
    Darwish|Derwêş = درويش; Sido = سيدو; Kalo|Kelo = كلو; Rasho|Reşo = رشو; Mirza = ميرزا
    Bakro = بكرو; Khello|Xelo = خلو; Aliko|Eliko = عليكو; Sheikhmous|Şêxmûs = شيخموس
    Nabi|Nebî = نبي; Derki = ديركي; Amoudi|Amudi = عامودي; Kurdi = كردي
    Jazrawi|Cizrawi = جزراوي; Abdi|Evdi = عبدي; Mahmoud|Mehmûd = محمود; Salih|Saleh = صالح
    Hamid|Hemîd = حميد; Bashir|Beşîr = بشير; Ramo = رمو; Hanno|Heno = حنو; Musto = مستو
    Biro|Bro = برو; Sino = سينو; Salo = صالو; Aziz|Eziz = عزيز; Jamil|Cemîl = جميل
    Isso|Îso = عيسو; Ammo|Emo = عمو; Hajjo|Hejo = حجو; Alo|Elo = علو; Khalaf|Xelef = خلف
    Abbas|Ebas = عباس; Hamza = حمزة; Amin|Emin = أمين; Salim|Selîm = سليم; Kanjo|Kenjo = كنجو
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
    Muhammed|Muhammet|Muhamed; Bayram|Bajram; Yakup|Yakub|Jakup; Yunus|Junus; Salih; Metin; Zeki
    Erkan; Ercan|Erdzan; Gökhan|Gokhan; Özgür|Ozgur; Tuncay|Tundzaj; Ferhat|Ferhad; Fikret
    Levent; Kenan; Erol; Cemal|Dzemal; Necati|Nedzati; İlhan|Ilhan; Şükrü|Sukru; Zafer; Tahsin
    Hamza; Emin; Eyüp|Eyup|Ejup; Bekir; Ekrem; Adem|Adam; Yavuz; Engin; Ersin; Harun
    Davut|Davud; İsa|Isa; Musa; İlyas|Ilyas; İdris|Idris; Sami; Nihat; Selçuk|Selcuk
    Tarık|Tarik; Taner; Ümit|Umit; Mert; Berk; Can|Dzan; Kaan; Eren; Arda; Batuhan; Emirhan
    Mücahit|Mucahit|Mudzahit; Erhan; Okan; Koray; Alper; Ozan; Nuri; Rıza|Riza; Şaban|Saban
    Kazım|Kazim; Sedat; Hikmet; Veli; Bülent|Bulent; Turgay; Hayri; Hilmi; Cuma|Dzuma
    Abdülkadir|Abdulkadir; Muharrem; Tayfun; Yılmaz|Yilmaz; Ayhan|Ajhan; Emrah; Mesut|Mesud
    Fuat|Fuad; Nevzat; Zekeriya|Zekerija; Yiğit|Yigit; Efe; Serhat
    """,
    female="""
    Ayşe|Ayse|Ajse; Fatma|Fatima; Emine|Emina; Hatice|Hatidze; Zeynep|Zejnep|Zeinep; Elif
    Meryem|Merjem; Şerife|Serife; Zehra|Zahra; Esra; Büşra|Busra; Merve; Özlem|Ozlem
    Sultan; Hülya|Hulya
    Hanife; Hacer|Hadzer; Havva|Hava; Zeliha; Songül|Songul; Gülsüm|Gulsum; Yasemin|Jasemin
    Derya; Sevgi; Leyla|Lejla; Kübra|Kubra; Rabia; Tuğba|Tugba; Ebru; Gamze; Sibel; Dilek; Filiz
    Nurcan|Nurdzan; Melek; Cemile|Dzemile; Seda; Aysel|Ajsel; Gülay|Gulay; Sevim; Aynur|Ajnur
    Pınar|Pinar; Esma; Hilal; Sümeyye|Sumeyye; Nurten; Serpil; Zübeyde|Zubeyde; Hamide; Kadriye
    Keziban; Şükran|Sukran; Nesrin
    """,
    family="""
    Yılmaz|Yilmaz|Jilmaz; Kaya|Kaja; Demir; Şahin|Sahin; Çelik|Celik; Yıldız|Yildiz
    Yıldırım|Yildirim; Öztürk|Ozturk; Aydın|Aydin; Özdemir|Ozdemir; Arslan|Aslan
    Doğan|Dogan; Kılıç|Kilic; Çetin|Cetin; Kara; Koç|Koc; Kurt; Özkan|Ozkan
    Şimşek|Simsek; Polat; Korkmaz; Karataş|Karatas; Güneş|Gunes; Aksoy; Tekin; Bulut
    Acar; Avcı|Avci
    Erdoğan|Erdogan; Özer|Ozer; Yavuz; Kaplan; Aktaş|Aktas; Ateş|Ates; Keskin; Güler|Guler
    Türk|Turk; Altun|Altın|Altin; Uçar|Ucar; Yüksel|Yuksel; Tunç|Tunc; Taş|Tas; Işık|Isik; Turan
    Kahraman; Sarı|Sari; Bozkurt; Güven|Guven; Ekinci; Akın|Akin; Bayram|Bajram; Yalçın|Yalcin
    Uysal; Erdem; Duman; Gök|Gok; Altıntaş|Altintas; Ünal|Unal; Çakır|Cakir; Sönmez|Sonmez
    Karakaya|Karakaja; Demirci; Güzel|Guzel; Çiftçi|Ciftci; Coşkun|Coskun; Durmaz; Kılınç|Kilinc
    Aydemir; Akbulut; Baysal; Erol; Başaran|Basaran; Tosun; Akgül|Akgul; Kaçar|Kacar; Oral
    Sezer; Bal; Çınar|Cinar; Karaca|Karadza; Akyol; Tuncer; Toprak; Eren; Bilgin
    Aydoğan|Aydogan; Ergün|Ergun; Dağ|Dag; Oruç|Oruc; Yiğit|Yigit; Özcan|Ozcan; Taşkın|Taskin
    Yaman; Karakuş|Karakus; Çoban|Coban; Gündüz|Gunduz; Soylu; Ceylan|Dzejlan; Sağlam|Saglam
    Temel; Akdağ|Akdag; Çakmak|Cakmak; Öz|Oz; Zengin; Gündoğdu|Gundogdu; Bingöl|Bingol; Uzun
    Kalkan; Özbek|Ozbek
    """,
)

_CUB = _community(
    "Cuban",
    male="""
    José|Jose; Luis; Carlos; Juan; Jorge; Yoandri|Yoandry|Yoandy; Yosvani|Yosvany|Yosbani
    Yunior|Junior; Alejandro; Miguel; Pedro; Ernesto; Raúl|Raul; Osvaldo|Osbaldo
    Yordanis|Yordanys; Reinier|Reiner; Dayron|Dairon; Leandro; Roberto; Alexis; Daniel
    Yasmani|Yasmany; Yuniesky|Yunieski; Adrián|Adrian; Maikel|Maykel|Michael
    Manuel; Antonio; Francisco; Rafael; Jesús|Jesus; Javier; Ángel|Angel; Alberto; Eduardo
    Ricardo; Rolando; Orlando; Armando; Reinaldo|Reynaldo; Rigoberto; Lázaro|Lazaro
    Yusniel|Yusnier; Yoel; Yoan|Joan; Yoelvis; Yasiel; Yadier; Osmany|Osmani; Alain; Yordan
    Eliécer|Eliecer; Andrés|Andres; Fernando; Julio; Mario; Félix|Felix; Rubén|Ruben; Frank
    Ariel; Yuri|Yury; Vladimir; Yasser|Yaser; Yoennis|Yoenis; Leonardo; Héctor|Hector
    Ramón|Ramon; Pablo; Enrique; Sergio; Víctor|Victor; Michel; Dariel; Abel; Arnaldo; Noel
    Dagoberto; Wilfredo|Wilfrido; Humberto; Guillermo; Gustavo; René|Rene; Raidel|Raydel; Yunier
    Yosmel; Alexei|Alexey; Yandy; Yulián|Yulian; Osniel
    """,
    female="""
    María|Maria; Yanet|Yaneth; Yamilé|Yamile; Yudith|Yudit|Judith; Dayana|Dayanna
    Yaima; Lisandra|Lissandra; Yaritza|Yarisa; Ana; Daniela; Mayelín|Mayelin
    Yanelis|Yanelys; Yudelkis|Yudelquis; Yusimí|Yusimi; Yamila; Marisol; Mariela
    Yunaisy|Yunaisi; Odalys|Odalis; Idania; Yusleidy|Yusleydi; Liset|Lisset; Beatriz; Rosa
    Carmen; Isabel; Laura; Claudia; Yadira; Yuliet; Yaquelín|Yaquelin|Jaqueline; Dayamí|Dayami
    Leidy|Leydi; Elizabeth; Yolanda; Niurka; Katia; Marlene; Ileana; Yenisey|Yenisei
    Mileidy|Mileydi
    """,
    family="""
    González|Gonzalez; Rodríguez|Rodriguez; Pérez|Perez; Hernández|Hernandez; García|Garcia
    Martínez|Martinez; López|Lopez; Díaz|Diaz; Fernández|Fernandez; Sánchez|Sanchez
    Álvarez|Alvarez; Ramírez|Ramirez; Gómez|Gomez; Cruz; Castillo; Morales; Suárez|Suarez
    Reyes; Torres; Ramos; Herrera; Vázquez|Vazquez|Vasquez; Cabrera; Rojas
    Fonseca; Pupo; Batista; Ruiz; Rivero; Domínguez|Dominguez; Jiménez|Jimenez; Moreno; Romero
    Guerra; Acosta; Medina; Aguilar; Castro; Delgado; Ortiz; Valdés|Valdes; Marrero
    Hechavarría|Hechavarria|Echevarria; Leyva|Leiva; Peña|Pena; Ávila|Avila; Silva; Vega
    Figueroa; Blanco; Gutiérrez|Gutierrez; Mendoza; Milián|Milian; Quintana; Ferrer; Mesa; Sosa
    Espinosa; Navarro; Céspedes|Cespedes; Betancourt; Vargas; Rosales; Lorenzo; Montero; Hidalgo
    Padrón|Padron; Almeida; Carballo; Barrios; León|Leon; Rivera; Estrada; Pino; Tamayo; Arias
    Calderón|Calderon; Sierra; Matos; Labrada; Núñez|Nunez; Duarte; Gil; Ortega; Figueredo
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
    Jean-Marie|Jean Marie; Jean-Bosco|Jean Bosco; Jean-Baptiste|Jean Baptiste
    Jean-Pierre|Jean Pierre; Jean-Paul|Jean Paul; Aimable; Alain; Albert; Anatole; André|Andre
    Antoine; Apollinaire; Audace; Bernard; Bonaventure; Célestin|Celestin; Charles; Christian
    Christophe; Cyriaque; Daniel; David; Déogratias|Deogratias|Déo|Deo; Didace; Dismas; Donatien
    Élie|Elie; Ernest; Étienne|Etienne; Fidèle|Fidele; François|Francois; Frédéric|Frederic
    Gaspard; Georges; Gilbert; Gérard|Gerard; Herménégilde|Hermenegilde; Jacques; Japhet
    Jérôme|Jerome; Joël|Joel; Juvénal|Juvenal; Léonidas|Leonidas; Libère|Libere; Lambert; Marc
    Martin; Mathias; Melchior; Michel; Moïse|Moise; Nestor; Noël|Noel; Onesphore; Pascal
    Patrick; Paul; Philippe; Révérien|Reverien; Richard; Salvator; Samuel; Serge|Serges
    Sylvestre; Térence|Terence; Thaddée|Thaddee; Théodore|Theodore; Vénant|Venant; Vincent
    Zacharie; Gervais; Fulgence; Cyprien; Ildephonse; Sylvain; Valentin
    """,
    female="""
    Marie; Claudine; Josiane; Aline; Francine; Espérance|Esperance; Clarisse|Clarise
    Diane; Jeanine|Jeannine; Béatrice|Beatrice; Divine; Nadine
    Alice; Annick; Angélique|Angelique; Chantal; Consolate|Consolata; Dévote|Devote
    Emelyne|Emeline; Goreth|Gorette; Immaculée|Immaculee; Jacqueline; Joséphine|Josephine
    Léocadie|Leocadie; Médiatrice|Mediatrice; Odette; Pélagie|Pelagie; Régine|Regine; Rose
    Sandrine; Spéciose|Speciose; Thérèse|Therese; Alphonsine; Bernadette; Jeanne; Esther
    Grâce|Grace; Joselyne|Jocelyne; Fabiola; Françoise|Francoise; Liliane; Sylvie
    Perpétue|Perpetue; Félicité|Felicite; Godelive|Godelieve; Gaudence; Scholastique
    """,
    family="""
    Ndayishimiye; Niyonzima; Nshimirimana; Ndikumana; Niyongabo; Hakizimana; Irakoze
    Nkurunziza; Bizimana; Manirakiza; Ntahomvukiye; Niyonkuru; Ndayisenga; Hatungimana
    Nduwimana; Havyarimana|Habyarimana; Niyokwizera; Iradukunda; Ndayizeye; Nizigiyimana
    Bigirimana; Nsabimana; Niyonsaba; Ndayisaba; Ndagijimana; Ngendakumana; Nkunzimana; Niyibizi
    Niyungeko; Nimbona; Ndikuriyo; Nzeyimana; Nizeyimana; Ntakirutimana; Nsengiyumva; Habonimana
    Habimana; Harerimana; Irambona; Irankunda; Kwizera; Manirambona; Mpawenimana; Mukeshimana
    Munezero; Minani; Nyandwi; Butoyi; Bukuru; Gahungu; Sindayigaya; Sinzinkayo; Sibomana
    Ndihokubwayo; Ndacayisaba; Ndabaneze; Niyomwungere; Nahimana; Nkeshimana; Nduwayo
    Ntirampeba; Ntibazonkiza; Nibitanga; Niyitegeka; Kaneza; Ininahazwe; Ndayikeza; Nahayo
    Nsavyimana; Nzobonimpa; Bucumi; Ndayiragije; Nizigama; Ndereyimana; Niyongere; Nimpagaritse
    Ciza; Ndimubandi; Nsabiyumva
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
    Gurjit|Gurjeet; Gurwinder|Gurvinder; Harwinder|Harvinder; Jaswinder|Jasvinder
    Kulwinder|Kulvinder; Parminder|Parvinder; Rajinder|Rajender; Satnam; Navdeep|Navdip
    Jagdeep|Jagdip; Hardeep|Hardip; Gagandeep|Gagandip; Arshdeep|Arshdip; Jasbir|Jasvir|Jasveer
    Ranjit|Ranjeet; Sarabjit|Sarabjeet|Sarbjit; Paramjit|Paramjeet; Jaspal; Harpal
    Balwinder|Balvinder; Sukhdev; Inderjit|Inderjeet; Jagjit|Jagjeet; Amrit; Karan
    Karanveer|Karanvir; Gurdeep|Gurdip; Tejinder|Tejender; Surinder|Surender; Narinder|Narender
    Davinder|Devinder; Maninder; Jatinder|Jatindar; Sukhpreet|Sukhprit; Prabhjot; Navjot
    Jaskaran; Manjit|Manjeet; Daljit|Daljeet; Balraj; Gurmeet|Gurmit; Sukhjit|Sukhjeet; Rupinder
    Charanjit|Charanjeet; Avtar|Autar; Lakhwinder|Lakhvinder; Harjinder; Bhupinder|Bhupender
    Ajay|Ajai; Vikas|Vikash; Akash|Aakash; Aman; Ashok; Arun; Anand; Dinesh; Mahesh; Naresh
    Mukesh; Rohit; Sachin; Nitin; Pankaj; Rajiv|Rajeev; Sunny|Sunni; Sumit; Vinod; Vivek
    Ajit|Ajeet; Raju; Santosh; Prakash; Gaurav; Abhishek; Sahil; Shubham; Manish; Pawan|Pavan
    Krishna; Ashish; Hemant; Lalit; Yogesh; Umesh; Raj; Vishal; Aditya; Kapil; Jitendra|Jitender
    Rajendra; Sukhraj; Mohan; Gopal; Naveen|Navin; Harish; Satish; Girish; Ravinder|Ravindra
    """,
    female="""
    Priya; Pooja|Puja; Sunita; Anita; Neha; Simran; Kavita|Kavitha; Rekha; Ritu
    Manpreet; Harpreet; Jaspreet
    Gurpreet|Gurprit; Amandeep|Amandip; Rajwinder|Rajvinder; Navneet|Navnit; Ramandeep|Ramandip
    Jasleen|Jaslin; Harleen; Gurleen; Kamaljit|Kamaljeet; Kiranjit|Kiranjeet; Manjit|Manjeet
    Paramjit|Paramjeet; Rupinder; Sukhwinder|Sukhvinder; Sapna; Anjali; Pinky; Suman; Kiran
    Meena|Mina; Geeta|Gita; Seema; Rani; Renu; Shweta; Nisha; Jyoti; Poonam|Punam; Asha; Usha
    Savita; Mamta|Mamata; Preeti|Priti; Sangeeta|Sangita; Deepika; Komal; Kajal; Reena|Rina
    Lakshmi|Laxmi; Radha; Sonia; Divya
    """,
    family="""
    Singh; Kumar; Sharma; Verma|Varma; Gupta; Patel; Yadav; Sandhu; Gill; Sidhu; Dhillon
    Grewal; Brar; Mann; Chauhan|Chouhan; Rana; Thakur; Mishra|Misra; Pandey|Pande; Saini
    Bajwa
    Randhawa; Sekhon; Virk; Cheema; Bains; Dhaliwal; Johal; Aulakh; Toor|Tur; Sohal; Bhullar
    Sahota; Chahal; Hundal; Kang; Khaira; Atwal; Dhindsa; Pannu; Sangha; Sohi; Thind; Uppal
    Bhatti; Deol; Dhanoa; Gosal; Hayer; Heer; Kahlon; Mangat; Nijjar; Purewal; Rai; Sran; Walia
    Ahluwalia; Arora; Bedi; Chopra; Kapoor|Kapur; Khanna; Malhotra; Mehra; Sethi; Sood; Bhatia
    Kalra; Batra; Dhawan; Grover; Sachdeva; Tandon; Bansal; Goyal|Goel; Jindal; Mittal
    Aggarwal|Agarwal|Agrawal; Garg; Jain; Singla; Tiwari|Tiwary; Dubey|Dube; Shukla
    Srivastava|Shrivastava; Tripathi; Chaudhary|Choudhary; Rathore|Rathour; Rajput; Negi; Rawat
    Bisht; Joshi; Bhatt|Bhat; Prasad; Sinha; Jha; Mehta; Malik; Dahiya; Hooda|Huda; Dalal
    Ahlawat; Lamba; Sangwan; Tyagi; Chahar
    """,
)

_NPL = _community(
    "Nepali",
    male="""
    Ram; Hari; Krishna; Bishnu|Vishnu; Shyam|Syam; Sanjay; Rajesh; Suman; Prakash
    Dipak|Deepak; Bikash|Bikas|Vikash; Santosh|Santos; Roshan; Anil; Bijay|Vijay
    Nabin|Navin|Naveen; Sagar; Binod|Vinod; Ramesh; Dinesh; Kamal; Suraj; Sunil; Rabin|Robin
    Gopal; Govinda|Gobinda; Bhim; Mohan; Narayan; Keshav|Keshab; Madhav|Madhab; Rajendra
    Surendra; Mahendra; Birendra; Dhiraj; Sudip|Sudeep; Pradip|Pradeep; Sandip|Sandeep; Sujan
    Sushil; Umesh; Yubaraj|Yuvraj|Yubraj; Ganesh; Hem; Hemanta|Hemant; Ishwor|Ishwar; Janak
    Kiran; Kumar; Laxman|Lakshman; Mukesh; Naresh; Nirajan|Niranjan; Padam; Pawan|Pavan; Prem
    Raju; Rajan; Rajkumar|Raj Kumar; Sharad|Sarad; Shiva|Siva; Sushant; Tilak; Uttam
    Bibek|Vivek; Bimal|Vimal; Bishal|Vishal; Amrit; Arjun; Ashok; Bharat; Bikram|Vikram
    Dipendra; Ghanashyam|Ghanshyam; Jiban|Jeevan|Jivan; Kishor|Kishore; Milan; Mahesh; Manoj
    Nabaraj|Navaraj; Nirmal; Pemba; Rupesh; Subash|Subas|Subhash; Sundar; Surya; Tej; Dev; Rohit
    Rabindra|Ravindra; Dilip; Devendra
    """,
    female="""
    Sita; Gita|Geeta; Sabina; Sunita; Anita; Laxmi|Lakshmi; Sarita; Manisha; Pooja|Puja
    Kamala
    Saraswati|Sarswati; Radha; Parbati|Parvati; Durga; Ganga; Kalpana; Sabita|Savita; Sushila
    Bimala|Vimala; Mina|Meena; Asmita; Sangita|Sangeeta; Samjhana; Sushma; Rita; Nirmala
    Shanti|Santi; Muna; Srijana|Shrijana; Sapana|Sapna; Kabita|Kavita; Anjali; Rekha; Renu
    Bina|Beena; Maya; Tara; Usha; Goma; Apsara
    """,
    family="""
    Shrestha|Srestha; Tamang; Gurung; Magar; Rai; Limbu; Thapa; Karki; Adhikari; Khadka
    Bhattarai; Poudel|Paudel|Paudyal; Sharma; Basnet; KC|K.C.; Lama; Sherpa; Tharu
    Yadav; Chaudhary|Chaudhari
    Pun; Rana; Bhandari; Bista|Bist; Shahi; Thakuri; Dahal; Ghimire; Gautam; Acharya; Aryal
    Pokharel|Pokhrel; Neupane; Khanal; Koirala; Pandey|Pande; Pant; Joshi; Upadhyaya|Upadhyay
    Regmi; Rijal; Subedi; Timalsina; Lamichhane|Lamichane; Sapkota; Baral; Bhusal; Dhakal
    Devkota; Kafle; Panthi; Sigdel; Tiwari; Bhatta; Oli; Rawal; Rokaya; Budha; Malla; Maharjan
    Tuladhar; Bajracharya|Vajracharya; Shakya; Dangol; Manandhar; Pradhan; Khatri
    Chhetri|Chettri; Rawat; Bohara|Bohora; Mahato; Sah; Mandal; Jha; Mishra; Ansari; Sunar
    BK|B.K.; Pariyar; Nepali; Sarki; Ghale; Dhami; Giri; Puri; Luitel; Dulal; Kunwar|Kuwar
    Mainali; Thapaliya
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
