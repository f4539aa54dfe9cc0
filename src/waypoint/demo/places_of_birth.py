"""Places of birth per nationality, as registrations in Bosnia and Herzegovina write them.

Provinces, districts and cities that people arriving from each country come from, roughly
most common first; each with the spellings clerks use (``Mazar-i-Sharif|Mazar-e Sharif``).
Real places only, for the synthetic population; nobody in it is a real person.
"""

from __future__ import annotations

from waypoint.demo.names import Name, name_entries

# fmt: off
_PLACES = {
    "AFG": """
    Kabul|Kabol; Herat|Hirat|Herath; Kunduz|Kondoz|Qunduz; Jalalabad|Jalal Abad|Dzalalabad
    Nangarhar|Ningarhar|Nangrahar; Ghazni|Ghazna|Gazni; Baghlan|Baglan
    Mazar-i-Sharif|Mazar-e Sharif|Mazar e Sharif|Mazari Sharif; Balkh|Balk
    Pul-i-Khumri|Pol-e Khomri|Puli Khumri; Kandahar|Qandahar|Kandehar; Helmand|Hilmand
    Lashkar Gah|Lashkargah; Logar|Lowgar; Wardak|Maidan Wardak|Vardak; Parwan|Parvan
    Charikar; Kapisa; Laghman|Lagman; Mihtarlam|Mehtar Lam; Kunar|Konar; Asadabad
    Paktia|Paktiya; Gardez|Gardiz; Khost|Khowst; Paktika; Zabul|Zabol; Qalat|Kalat
    Uruzgan|Oruzgan; Tarin Kot|Tarinkot; Daykundi|Daikundi; Bamyan|Bamiyan|Bamian
    Ghor|Ghowr; Chaghcharan; Farah; Nimroz|Nimruz; Zaranj; Badghis; Qala-i-Naw|Qala-e Naw
    Faryab; Maymana|Maimana; Jowzjan|Jawzjan; Sheberghan|Shibirghan|Shiberghan
    Sar-e Pol|Sar-i-Pul|Sari Pul; Samangan; Aybak|Aibak; Takhar; Taloqan|Taluqan; Badakhshan
    Faizabad|Fayzabad|Feyzabad; Panjshir|Panjsher; Nuristan|Nurestan; Shindand
    Andkhoy|Andkhoi; Islam Qala
    """,
    "PAK": """
    Gujrat; Mandi Bahauddin|Mandi Bahaudin|Mandi Baha ud Din; Sialkot; Gujranwala; Lahore
    Jhelum; Kharian; Rawalpindi|Rawal Pindi; Islamabad; Faisalabad|Lyallpur; Sargodha
    Sheikhupura|Shekhupura; Hafizabad; Narowal; Wazirabad; Attock; Chakwal; Multan
    Bahawalpur; Sahiwal; Okara; Kasur; Dera Ghazi Khan|D.G. Khan; Rahim Yar Khan; Mianwali
    Jhang; Toba Tek Singh; Mirpur; Kotli; Muzaffarabad; Bhimber; Bagh; Rawalakot; Peshawar
    Mardan; Swat; Mingora; Swabi; Charsadda; Nowshera|Naushera; Kohat; Bannu
    Dera Ismail Khan|D.I. Khan; Abbottabad|Abbotabad; Mansehra; Haripur; Bajaur; Khyber; Dir
    Malakand; Karachi; Hyderabad; Quetta; Sukkur; Larkana; Pakpattan; Vehari; Khanewal
    Mirpur Khas
    """,
    "BGD": """
    Sylhet; Dhaka|Dacca; Noakhali; Comilla|Cumilla|Kumilla; Chittagong|Chattogram; Sunamganj
    Moulvibazar|Maulvibazar|Moulvi Bazar; Habiganj; Feni; Lakshmipur|Laxmipur; Chandpur
    Brahmanbaria; Narsingdi; Narayanganj; Gazipur; Munshiganj; Madaripur; Shariatpur
    Faridpur; Gopalganj; Tangail; Mymensingh; Kishoreganj; Barisal|Barishal; Khulna
    Jessore|Jashore; Rajshahi; Bogra|Bogura; Rangpur; Dinajpur; Pabna; Kushtia; Sirajganj
    Jamalpur; Netrokona; Cox's Bazar|Coxs Bazar; Patuakhali; Bhola; Satkhira
    """,
    "MAR": """
    Casablanca|Dar el Beida|Dar al-Bayda; Tangier|Tanger|Tanja; Tetouan|Tetuan|Tetouane
    Nador; Al Hoceima|Al Hoceïma|Alhucemas; Oujda|Oudja; Fes|Fès|Fez; Meknes|Meknès|Miknas
    Rabat; Sale|Salé; Kenitra|Kénitra; Marrakech|Marrakesh|Marakech; Agadir
    Beni Mellal|Béni Mellal; Khouribga; Fquih Ben Salah|Fkih Ben Salah|Fqih Ben Salah
    Khenifra|Khénifra; Taza; Berkane; Larache|Laraache
    Ksar el Kebir|Ksar El Kébir|Alcazarquivir; Safi; El Jadida|Al Jadida; Settat; Mohammedia
    Temara|Témara; Laayoune|El Aaiun|Laâyoune; Guelmim|Goulimine; Tiznit; Taroudant
    Ouarzazate; Errachidia|Er Rachidia; Driouch; Guercif; Taourirt; Sidi Kacem; Sidi Slimane
    El Kelaa des Sraghna|Kelaa des Sraghna; Essaouira; Chefchaouen|Chaouen; Fnideq; Martil
    Azilal
    """,
    "IRN": """
    Tehran|Teheran; Mashhad|Mashad|Meshed; Isfahan|Esfahan; Shiraz; Tabriz; Karaj
    Ahvaz|Ahwaz; Qom|Ghom; Kermanshah; Urmia|Orumiyeh|Urmiyeh; Rasht; Zahedan; Kerman
    Hamadan|Hamedan; Yazd; Ardabil; Bandar Abbas; Arak; Sanandaj; Qazvin|Ghazvin; Zanjan
    Khorramabad; Gorgan; Sari; Babol; Mahabad; Saqqez|Saqez; Marivan; Bukan|Boukan; Ilam
    Dezful; Abadan; Bushehr; Shahr-e Kord|Shahrekord; Kashan; Birjand; Bojnurd|Bojnourd
    Sabzevar; Neyshabur|Nishapur; Amol; Piranshahr
    """,
    "DZA": """
    Algiers|Alger|El Djazair; Oran|Wahran; Constantine|Qacentina; Annaba|Bône; Setif|Sétif
    Tizi Ouzou; Bejaia|Béjaïa|Bougie; Blida; Batna; Chlef|Ech Cheliff; Tlemcen; Mostaganem
    Sidi Bel Abbes|Sidi Bel Abbès; Relizane; Tiaret; Bouira; Boumerdes|Boumerdès
    Tipaza|Tipasa; Medea|Médéa; Djelfa; Biskra; M'Sila|Msila; Bordj Bou Arreridj; Jijel
    Skikda; Guelma; Souk Ahras; Tebessa|Tébessa; Khenchela; Oum El Bouaghi; Mila; El Oued
    Ouargla; Ghardaia|Ghardaïa; Mascara; Ain Temouchent|Aïn Témouchent; Saida|Saïda
    Ain Defla|Aïn Defla; Laghouat; Tamanrasset
    """,
    "IRQ": """
    Baghdad|Bagdad; Mosul|Mossul|Al Mawsil; Erbil|Arbil|Hawler
    Sulaymaniyah|Sulaimaniya|Slemani|Suleimaniye; Duhok|Dohuk|Dahuk; Kirkuk; Basra|Basrah
    Najaf; Karbala|Kerbala; Nasiriyah|Nasiriya; Amarah|Al Amarah; Kut|Al Kut
    Diwaniyah|Diwaniya; Hillah|Hilla; Ramadi; Fallujah|Falluja; Tikrit; Samarra
    Baqubah|Baquba; Zakho|Zaxo; Sinjar|Shingal; Halabja; Ranya|Raniya; Akre|Aqrah; Kalar
    Tal Afar|Tell Afar; Samawah|Samawa
    """,
    "SYR": """
    Damascus|Dimashq|Damas; Aleppo|Halab|Alep; Homs|Hims; Hama|Hamah
    Latakia|Lattakia|Lattaquie; Idlib|Idleb; Deir ez-Zor|Deir ez Zor|Deir Ezzor|Dayr az Zawr
    Raqqa|Ar Raqqah|Rakka; Hasakah|Al Hasakah|Hassakeh; Qamishli|Qamishlo|Kamishli
    Daraa|Deraa|Dar'a; Tartus|Tartous; Suwayda|As-Suwayda|Sweida; Quneitra; Afrin|Efrin
    Kobani|Kobane|Ayn al-Arab; Manbij; Al-Bab|Al Bab; Jableh; Douma|Duma; Palmyra|Tadmur
    Mayadin|Al Mayadin; Abu Kamal|Albukamal; Jisr al-Shughur
    Maarat al-Numan|Maarrat an Numan; Salamiyah|Salamieh; Amuda; Derik|Al-Malikiyah
    """,
    "TUR": """
    Istanbul|İstanbul; Ankara; Izmir|İzmir; Bursa; Antalya; Adana; Konya; Gaziantep|Antep
    Sanliurfa|Şanlıurfa|Urfa; Diyarbakir|Diyarbakır; Mardin; Van; Mersin|Icel; Kayseri
    Eskisehir|Eskişehir; Samsun; Trabzon; Erzurum; Malatya
    Kahramanmaras|Kahramanmaraş|Maras; Hatay; Antakya; Elazig|Elazığ; Sivas; Tokat; Yozgat
    Corum|Çorum; Kocaeli|Izmit; Sakarya|Adapazari; Denizli; Manisa; Aydin|Aydın; Mugla|Muğla
    Batman; Siirt; Sirnak|Şırnak; Hakkari; Bingol|Bingöl; Mus|Muş; Bitlis; Agri|Ağrı; Kars
    Igdir|Iğdır; Afyonkarahisar|Afyon; Adiyaman|Adıyaman; Tunceli|Dersim; Aksaray; Zonguldak
    Edirne; Tekirdag|Tekirdağ; Balikesir|Balıkesir; Kirsehir|Kırşehir; Nigde|Niğde
    """,
    "CUB": """
    Havana|La Habana|Habana; Santiago de Cuba; Camaguey|Camagüey; Holguin|Holguín
    Santa Clara; Guantanamo|Guantánamo; Matanzas; Pinar del Rio|Pinar del Río; Cienfuegos
    Bayamo; Las Tunas; Sancti Spiritus|Sancti Spíritus; Ciego de Avila|Ciego de Ávila
    Manzanillo; Artemisa; Mayabeque; Granma; Villa Clara; Cardenas|Cárdenas; Palma Soriano
    """,
    "BDI": """
    Bujumbura; Gitega; Ngozi; Muyinga; Kirundo; Kayanza; Muramvya; Bururi; Makamba; Rumonge
    Rutana; Ruyigi; Cankuzo; Karuzi|Karusi; Cibitoke; Bubanza; Mwaro
    Bujumbura Rural|Bujumbura Rurale; Nyanza-Lac|Nyanza Lac; Matana
    """,
    "IND": """
    Jalandhar|Jullundur; Amritsar; Ludhiana; Hoshiarpur; Kapurthala
    Nawanshahr|Shaheed Bhagat Singh Nagar; Gurdaspur; Patiala; Moga; Firozpur|Ferozepur
    Bathinda|Bhatinda; Sangrur; Punjab; Delhi|New Delhi; Haryana; Karnal; Kurukshetra
    Ambala; Kaithal; Chandigarh; Mumbai|Bombay; Kolkata|Calcutta; Chennai|Madras
    Bengaluru|Bangalore; Hyderabad; Gujarat; Ahmedabad|Ahmadabad; Anand; Kerala
    Kochi|Cochin; Thiruvananthapuram|Trivandrum; Kozhikode|Calicut; Lucknow; Uttar Pradesh
    Jammu; Srinagar; Goa
    """,
    "NPL": """
    Kathmandu|Katmandu; Lalitpur|Patan; Bhaktapur; Pokhara; Kaski; Chitwan|Chitawan
    Bharatpur; Jhapa; Morang; Biratnagar; Sunsari; Dharan; Itahari; Birgunj|Birganj; Parsa
    Butwal; Rupandehi; Bhairahawa|Siddharthanagar; Nawalparasi; Syangja; Gorkha; Tanahun
    Dhading; Nuwakot; Sindhupalchok|Sindhupalchowk; Kavre|Kavrepalanchok; Makwanpur; Hetauda
    Dang; Ghorahi; Nepalgunj|Nepalganj; Banke; Kailali; Dhangadhi; Janakpur
    Dhanusha|Dhanusa; Sarlahi; Ilam; Baglung; Gulmi; Palpa; Parbat; Myagdi
    """,
    "TUN": """
    Tunis; Sfax|Safaqis; Sousse|Susa; Kairouan|Kairuan|Al Qayrawan; Bizerte|Bizerta|Banzart
    Gabes|Gabès; Ariana|Ariena; Gafsa; Monastir; Ben Arous; Kasserine; Medenine|Médenine
    Nabeul; Tataouine|Tatouine; Beja|Béja; Jendouba; Mahdia; Sidi Bouzid; Kef|Le Kef|El Kef
    Siliana; Tozeur; Kebili|Kébili; Zaghouan; Manouba|La Manouba; Zarzis; Djerba|Jerba
    Ben Guerdane|Ben Gardane
    """,
    "EGY": """
    Cairo|Al Qahirah|Le Caire; Alexandria|Alexandrie|Al Iskandariyah; Giza|Gizeh|Al Jizah
    Kafr el-Sheikh|Kafr El Sheikh|Kafr ash Shaykh; Gharbia|Al Gharbiyah|Gharbiya; Tanta
    Mahalla el-Kubra|El Mahalla El Kubra; Dakahlia|Ad Daqahliyah|Dakahliya
    Mansoura|El Mansoura|Al Mansurah; Sharqia|Ash Sharqiyah|Sharkia; Zagazig|Az Zaqaziq
    Menoufia|Al Minufiyah|Monufia; Shebin el-Kom|Shibin al Kawm; Qalyubia|Al Qalyubiyah
    Beheira|Al Buhayrah|Behera; Damanhur|Damanhour; Damietta|Dumyat; Port Said|Bur Said
    Ismailia|Al Ismailiyah; Suez|As Suways; Faiyum|Fayoum|Al Fayyum; Beni Suef|Bani Suwayf
    Minya|El Minya|Al Minya; Asyut|Assiut|Assiout; Sohag|Suhaj; Qena|Qina; Luxor|Al Uqsur
    Aswan; Hurghada; Marsa Matruh|Mersa Matruh
    """,
    "LBY": """
    Tripoli|Tarabulus|Trablus; Benghazi|Bengasi|Banghazi; Misrata|Misurata|Misratah
    Zawiya|Az Zawiyah|Zawia; Sabha|Sebha; Bayda|Al Bayda|El Beida; Tobruk|Tubruq
    Derna|Darnah; Sirte|Surt|Sirt; Zliten|Zlitan; Khoms|Al Khums; Gharyan|Gharian
    Sabratha|Sabratah; Zuwara|Zuwarah|Zuara; Ajdabiya|Ajdabiyah|Agedabia; Kufra|Al Kufrah
    Ubari|Awbari; Murzuq|Murzuk; Ghadames|Ghadamis; Nalut; Yafran|Yefren; Bani Walid
    Al Marj|Marj; Tarhuna|Tarhunah; Surman
    """,
    "PSE": """
    Gaza|Ghazzah|Gaza City; Khan Yunis|Khan Younis|Khan Younes; Rafah
    Deir al-Balah|Deir el-Balah; Jabalia|Jabalya|Jabaliya; Beit Lahia|Beit Lahiya
    Beit Hanoun|Beit Hanun; Nuseirat|Al Nuseirat; Bureij|Al Bureij; Maghazi
    Hebron|Al Khalil; Nablus|Nabulus; Ramallah; Jenin; Tulkarm|Tulkarem; Qalqilya|Qalqiliya
    Bethlehem|Bayt Lahm; Jericho|Ariha; Jerusalem|Al Quds; Salfit; Tubas; Al Bireh|El Bireh
    Beit Jala
    """,
}
# fmt: on

PLACES_OF_BIRTH: dict[str, tuple[Name, ...]] = {
    nationality: name_entries(text) for nationality, text in _PLACES.items()
}
