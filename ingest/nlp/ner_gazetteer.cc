#include "ingest/nlp/ner_gazetteer.h"

#include <algorithm>
#include <string>

#include "base/lexicon.h"
#include "ingest/nlp/text_chars.h"

namespace kg::nlp {

namespace {

// Capitals and other large or often-reported cities.
constexpr std::string_view kCities[] = {
    "Washington", "Washington DC", "Washington D.C.", "New York", "New York City", "Los Angeles", "Chicago",
    "Houston", "Philadelphia", "Phoenix", "San Antonio", "San Diego", "Dallas", "San Francisco", "Seattle",
    "Boston", "Atlanta", "Miami", "Detroit", "Denver", "Las Vegas", "New Orleans", "Baltimore", "Pittsburgh",
    "Cleveland", "Minneapolis", "Portland", "Austin", "Nashville", "St. Louis", "Brooklyn", "Manhattan",
    "Hollywood", "London", "Paris", "Berlin", "Moscow", "Kyiv", "Kiev", "Brussels", "Rome", "Madrid",
    "Lisbon", "Vienna", "Amsterdam", "The Hague", "Dublin", "Edinburgh", "Glasgow", "Cardiff", "Belfast",
    "Manchester", "Liverpool", "Birmingham", "Leeds", "Oxford", "Cambridge", "Geneva", "Zurich", "Bern",
    "Stockholm", "Oslo", "Copenhagen", "Helsinki", "Warsaw", "Prague", "Budapest", "Bucharest", "Sofia",
    "Athens", "Istanbul", "Ankara", "Minsk", "Vilnius", "Riga", "Tallinn", "Tbilisi", "Yerevan", "Baku",
    "St Petersburg", "St. Petersburg", "Saint Petersburg", "Munich", "Frankfurt", "Hamburg", "Milan",
    "Naples", "Barcelona", "Marseille", "Lyon", "Beijing", "Shanghai", "Hong Kong", "Tokyo", "Osaka",
    "Seoul", "Pyongyang", "Taipei", "Delhi", "New Delhi", "Mumbai", "Bombay", "Kolkata", "Calcutta",
    "Karachi", "Islamabad", "Lahore", "Kabul", "Tehran", "Baghdad", "Damascus", "Beirut", "Jerusalem",
    "Tel Aviv", "Gaza", "Amman", "Riyadh", "Dubai", "Abu Dhabi", "Doha", "Cairo", "Tripoli", "Tunis",
    "Algiers", "Rabat", "Casablanca", "Lagos", "Abuja", "Nairobi", "Addis Ababa", "Johannesburg",
    "Cape Town", "Pretoria", "Harare", "Kinshasa", "Khartoum", "Mogadishu", "Bangkok", "Hanoi",
    "Ho Chi Minh City", "Jakarta", "Manila", "Kuala Lumpur", "Singapore", "Sydney", "Melbourne", "Canberra",
    "Brisbane", "Perth", "Auckland", "Wellington", "Toronto", "Montreal", "Vancouver", "Ottawa",
    "Mexico City", "Havana", "Caracas", "Bogota", "Lima", "Santiago", "Buenos Aires", "Sao Paulo",
    "Rio de Janeiro", "Brasilia", "Quito", "Montevideo",
    // More cities often in the news and in travel writing.
    "Oakland", "Sacramento", "San Jose", "Palo Alto", "Berkeley", "Santa Monica", "Long Beach", "Anaheim",
    "Honolulu", "Anchorage", "Salt Lake City", "Albuquerque", "Tucson", "El Paso", "Fort Worth", "Oklahoma City",
    "Kansas City", "Omaha", "Milwaukee", "Indianapolis", "Columbus", "Cincinnati", "Louisville", "Memphis",
    "Raleigh", "Richmond", "Norfolk", "Tampa", "Orlando", "Jacksonville", "Savannah", "Charleston",
    "Buffalo", "Rochester", "Albany", "Hartford", "Providence", "Newark", "Jersey City", "Princeton", "Harlem",
    "Queens", "Bronx", "Staten Island", "Scranton", "Allentown", "Toledo", "Akron", "Dayton",
    "Minneapolis", "St. Paul", "Des Moines", "Boise", "Spokane", "Tacoma", "Reno", "Fresno", "Bakersfield",
    "Galveston", "Corpus Christi", "Baton Rouge", "Shreveport", "Birmingham", "Montgomery", "Little Rock",
    "Calgary", "Edmonton", "Winnipeg", "Halifax", "Quebec City", "Bristol", "Newcastle",
    "Sheffield", "Nottingham", "Leicester", "Southampton", "Brighton", "York", "Aberdeen", "Dundee",
    "Swansea", "Cork", "Galway", "Limerick", "Rotterdam", "Utrecht", "Antwerp", "Ghent", "Bruges", "Cologne",
    "Stuttgart", "Dusseldorf", "Dresden", "Leipzig", "Bonn", "Salzburg", "Innsbruck", "Basel", "Lausanne",
    "Turin", "Venice", "Bologna", "Genoa", "Palermo", "Seville", "Valencia", "Bilbao", "Granada",
    "Malaga", "Porto", "Toulouse", "Bordeaux", "Strasbourg", "Lille", "Krakow", "Gdansk", "Wroclaw",
    "Odessa", "Odesa", "Kharkiv", "Lviv", "Donetsk", "Mariupol", "Sevastopol", "Novosibirsk", "Vladivostok",
    "Yekaterinburg", "Kazan", "Sochi", "Belgrade", "Zagreb", "Sarajevo", "Ljubljana", "Skopje", "Tirana",
    "Chisinau", "Thessaloniki", "Nicosia", "Valletta", "Reykjavik", "Jeddah", "Mecca", "Medina", "Basra",
    "Mosul", "Fallujah", "Tikrit", "Aleppo", "Homs", "Haifa", "Ramallah", "Hebron", "Bethlehem", "Nazareth",
    "Alexandria", "Luxor", "Benghazi", "Marrakesh", "Marrakech", "Fez", "Tangier", "Dakar", "Accra", "Kampala",
    "Kigali", "Dar es Salaam", "Zanzibar", "Lusaka", "Luanda", "Maputo", "Durban", "Port Elizabeth",
    "Kandahar", "Herat", "Peshawar", "Rawalpindi", "Quetta", "Dhaka", "Kathmandu", "Colombo", "Bangalore",
    "Bengaluru", "Chennai", "Madras", "Hyderabad", "Ahmedabad", "Pune", "Jaipur", "Agra", "Varanasi", "Goa",
    "Kerala", "Noida", "Gurgaon", "Chandigarh", "Lucknow", "Kanpur", "Patna", "Guangzhou", "Shenzhen", "Wuhan",
    "Chengdu", "Chongqing", "Tianjin", "Nanjing", "Hangzhou", "Xian", "Macau", "Macao", "Kyoto", "Yokohama",
    "Nagoya", "Kobe", "Hiroshima", "Nagasaki", "Sapporo", "Okinawa", "Busan", "Incheon", "Ulaanbaatar",
    "Phnom Penh", "Vientiane", "Yangon", "Rangoon", "Bali", "Denpasar", "Surabaya", "Cebu", "Davao",
    "Adelaide", "Hobart", "Gold Coast", "Christchurch", "Queenstown", "Invercargill", "Dunedin",
    "Tijuana", "Guadalajara", "Monterrey", "Cancun", "Acapulco", "Panama City", "San Juan", "Kingston",
    "Port-au-Prince", "Santo Domingo", "Managua", "Tegucigalpa", "San Salvador", "Guatemala City", "Medellin",
    "Cali", "Cartagena", "Guayaquil", "La Paz", "Asuncion", "Cordoba", "Rosario", "Valparaiso", "Recife",
    "Fortaleza", "Manaus",
};

// Continents, large regions, US states, provinces, seas and rivers.
constexpr std::string_view kRegions[] = {
    "Europe", "Asia", "Africa", "North America", "South America", "Latin America", "Central America",
    "Antarctica", "Oceania", "Middle East", "Mideast", "Near East", "Far East", "Balkans", "Baltics",
    "Caucasus", "Crimea", "Donbas", "Donbass", "Siberia", "Scandinavia", "Caribbean", "Mediterranean",
    "Pacific", "Atlantic", "Arctic", "Gulf", "Persian Gulf", "Black Sea", "Red Sea", "Baltic Sea",
    "South China Sea", "West Bank", "Gaza Strip", "Kashmir", "Tibet", "Xinjiang", "Kurdistan", "Chechnya",
    "Sahara", "Alps", "Himalayas", "Amazon", "Nile", "Thames", "Mississippi", "Alabama", "Alaska",
    "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida", "Hawaii",
    "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland",
    "Massachusetts", "Michigan", "Minnesota", "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire",
    "New Jersey", "New Mexico", "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon",
    "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah", "Vermont",
    "Virginia", "West Virginia", "Wisconsin", "Wyoming", "Ontario", "Quebec", "British Columbia", "Alberta",
    "Bavaria", "Catalonia", "Tuscany", "Sicily", "Yorkshire", "Kent", "Surrey", "Cornwall", "Midlands",
    "West", "East", "Silicon Valley", "Wall Street",
};

// Words that open a letter or a greeting before a name ("Dear Mr. Lavorato",
// "Hello Louise", "Thanks Rich"); they are never part of the name.
constexpr std::string_view kGreetings[] = {
    "Dear", "Hello", "Hi", "Hey", "Hiya", "Howdy", "Thanks", "Thank", "Greetings", "Congratulations",
    "Congrats", "Welcome", "Bye", "Goodbye", "Cheers", "Regards", "Sincerely", "Attn", "Attn.", "Yo",
};

// Words that precede a title within a title phrase ("former Deputy Foreign Minister").
constexpr std::string_view kTitleModifiers[] = {
    "former", "deputy", "acting", "vice", "interim", "outgoing", "incoming", "then", "late", "top", "shadow",
    "senior", "junior", "chief", "foreign", "national", "state", "federal", "assistant", "associate",
    "executive", "general", "first", "lady", "of", "the", "and", "security", "defence", "defense",
    "finance", "interior", "health", "education", "energy", "trade", "labor", "labour", "justice",
    "treasury", "economy", "house", "senate", "white", "republican", "democratic", "democrat",
};

// Well-known organizations that news and web text name without an
// organization word: companies and brands, media, international bodies,
// agencies, parties, armed groups, sports bodies and universities. Names
// that are everyday words (Target, Gap, Total, Orange) or places (Liverpool,
// Princeton) are left out; a few
// that news uses mostly as names stay (Apple, Shell, Amazon), and the
// recognizer weighs the mark with the word's case and context. Split
// hyphens and clitics are listed the way the treebanks tokenize them.
constexpr std::string_view kOrganizations[] = {
    // Technology and telecoms
    "Google", "Alphabet", "Microsoft", "Apple", "Amazon", "Facebook", "Twitter", "Instagram",
    "WhatsApp", "YouTube", "LinkedIn", "Netflix", "Spotify", "Uber", "Lyft", "Airbnb", "eBay", "PayPal",
    "Yahoo", "AOL", "IBM", "Intel", "AMD", "Nvidia", "Qualcomm", "Cisco", "Oracle", "SAP", "Dell", "HP",
    "Hewlett-Packard", "Hewlett - Packard", "Lenovo", "Acer", "Asus", "Samsung", "Sony", "Panasonic", "Toshiba",
    "Hitachi", "Fujitsu", "LG", "Philips", "Siemens", "Nokia", "Ericsson", "Motorola", "BlackBerry",
    "Huawei", "ZTE", "Xiaomi", "Alibaba", "Tencent", "Baidu", "Canon", "Nikon", "Olympus", "Kodak", "Xerox",
    "Epson", "JVC", "Bose", "Logitech", "Adobe", "Salesforce", "VMware", "Symantec", "McAfee",
    "Mozilla", "Wikipedia", "Skype", "Tesla", "SpaceX", "Verizon", "AT&T", "AT & T",
    "T-Mobile", "T - Mobile", "TMobile", "Comcast", "Vodafone", "BT", "O2", "Telefonica",
    "Deutsche Telekom", "Cingular", "Nextel", "Vonage", "Dish Network", "DirecTV", "Time Warner",
    "Travelocity", "Expedia", "Priceline", "Orbitz", "Craigslist", "Yelp", "MySpace", "Napster", "iTunes",
    "Xbox", "PlayStation", "Nintendo", "Sega", "Atari", "Electronic Arts", "Activision", "Ubisoft",
    // Retail, food and consumer brands
    "Walmart", "Wal-Mart", "Wal - Mart", "Costco", "Kmart", "Sears", "Macy 's", "Macys", "Kohl 's",
    "JCPenney", "J.C. Penney", "Nordstrom", "Best Buy", "Home Depot", "Lowe 's", "IKEA", "Walgreens", "CVS",
    "Rite Aid", "Safeway", "Kroger", "Publix", "Whole Foods", "Trader Joe 's", "Aldi", "Lidl", "Tesco",
    "Sainsbury 's", "Asda", "Morrisons", "Waitrose", "Marks & Spencer", "Marks and Spencer", "Debenhams",
    "Harrods", "Selfridges", "Argos", "Woolworths", "Primark", "Zara", "H&M", "H & M",
    "Nike", "Adidas", "Reebok", "Puma", "Levi 's", "Gucci", "Prada", "Chanel", "Louis Vuitton", "Rolex",
    "McDonald 's", "McDonalds", "Burger King", "Wendy 's", "KFC", "Taco Bell", "Pizza Hut", "Domino 's",
    "Papa John 's", "Starbucks", "Dunkin", "Dunkin' Donuts", "Dunkin Donuts", "Chipotle",
    "White Castle", "Five Guys", "In-N-Out", "In - N - Out", "In n Out", "Smashburger", "Arby 's",
    "Chick-fil-A", "Popeyes", "Denny 's", "IHOP", "Applebee 's", "Olive Garden", "Red Lobster",
    "Panera", "Krispy Kreme", "Coca-Cola", "Coca - Cola", "Pepsi", "PepsiCo", "Nestle",
    "Nestlé", "Unilever", "Procter & Gamble", "Procter and Gamble", "Kraft", "Heinz", "Kellogg 's",
    "Cadbury", "Hershey", "Danone", "Heineken", "Budweiser", "Anheuser-Busch", "Guinness",
    "Johnson & Johnson", "Pfizer", "Merck", "Novartis", "Roche", "GlaxoSmithKline", "GSK", "AstraZeneca",
    "Sanofi", "Bayer", "Moderna", "Eli Lilly", "Abbott", "Amgen", "Monsanto", "DuPont", "Dow Chemical",
    "3M", "General Electric", "GE", "Honeywell", "Boeing", "Airbus", "Lockheed Martin", "Raytheon",
    "Northrop Grumman", "BAE Systems", "Rolls-Royce", "Rolls - Royce", "Caterpillar", "Halliburton",
    // Vehicles and transport
    "Toyota", "Honda", "Nissan", "Mazda", "Subaru", "Mitsubishi", "Suzuki", "Hyundai", "Kia", "Volkswagen",
    "VW", "Audi", "BMW", "Mercedes", "Mercedes-Benz", "Mercedes - Benz", "Daimler", "Porsche", "Volvo",
    "Saab", "Fiat", "Chrysler", "Ferrari", "Lamborghini", "Renault", "Peugeot", "Citroen", "Jaguar",
    "Land Rover", "General Motors", "GM", "Chevrolet", "Chevy", "Cadillac", "Buick", "Pontiac",
    "Jeep", "Harley-Davidson", "Greyhound", "Amtrak", "FedEx", "UPS", "DHL", "USPS", "Royal Mail",
    "American Airlines", "United Airlines", "Delta Air Lines", "JetBlue",
    "US Airways", "Northwest Airlines", "British Airways", "Lufthansa", "Air France", "KLM", "Ryanair",
    "easyJet", "EasyJet", "Emirates", "Qantas", "Aeroflot", "Carnival", "Royal Caribbean",
    "Norwegian Cruise Line", "Princess Cruises", "Hertz", "Avis",
    // Finance and energy
    "Goldman Sachs", "JPMorgan", "JP Morgan", "J.P. Morgan", "JPMorgan Chase", "Morgan Stanley",
    "Citigroup", "Citibank", "Bank of America", "Wells Fargo", "Merrill Lynch", "Lehman Brothers",
    "Bear Stearns", "Barclays", "HSBC", "RBS", "NatWest", "Santander", "Deutsche Bank",
    "Credit Suisse", "UBS", "BNP Paribas", "Societe Generale", "ING", "Nomura", "BlackRock",
    "Berkshire Hathaway", "AIG", "Allstate", "Geico", "Prudential", "MetLife", "Aviva",
    "Visa", "MasterCard", "Mastercard", "American Express", "AmEx", "Capital One", "Charles Schwab",
    "Fannie Mae", "Freddie Mac", "Nasdaq", "NYSE", "Dow Jones", "Moody 's", "Standard & Poor 's",
    "Enron", "WorldCom", "Arthur Andersen", "KPMG", "Deloitte", "PwC", "PricewaterhouseCoopers",
    "Ernst & Young", "McKinsey", "Accenture", "ExxonMobil", "Exxon", "Mobil", "Chevron", "Texaco",
    "ConocoPhillips", "BP", "Shell", "Royal Dutch Shell", "Gazprom", "Rosneft", "Lukoil",
    "Yukos", "Aramco", "Saudi Aramco", "Petrobras", "PDVSA", "Eni", "Statoil", "Equinor", "Pemex",
    "Dynegy", "El Paso", "Duke Energy", "PG&E", "Pepco", "EDF", "E.ON", "RWE", "Centrica",
    // Media
    "BBC", "CNN", "Fox News", "MSNBC", "NBC", "CBS", "ABC", "PBS", "NPR", "ESPN", "HBO", "MTV",
    "CNBC", "Bloomberg", "Reuters", "Associated Press", "AFP", "Agence France-Presse", "Al Jazeera",
    "Al - Jazeera", "Al-Jazeera", "Sky News", "ITV", "Channel 4", "RT", "Xinhua", "Tass", "Interfax",
    "New York Times", "Washington Post", "Wall Street Journal", "Los Angeles Times", "USA Today",
    "Detroit News", "Boston Globe", "Chicago Tribune", "Financial Times", "The Guardian",
    "The Times", "Daily Telegraph", "The Independent", "Daily Mail", "The Sun",
    "The Economist", "Time magazine", "Newsweek", "Forbes", "Politico", "Axios",
    "Der Spiegel", "Le Monde", "Huffington Post", "BuzzFeed", "ZDNet", "ZD Net", "CNET", "Wired",
    "Rolling Stone", "Vogue", "National Geographic", "Disney", "Walt Disney", "Warner Bros",
    "Warner Brothers", "Paramount", "Sony Pictures", "20th Century Fox", "DreamWorks",
    "Pixar", "Lionsgate", "Miramax", "Viacom", "News Corp", "News Corporation", "EMI", "Island Records",
    // International bodies
    "United Nations", "UN", "U.N.", "Nato", "NATO", "European Union", "EU", "European Commission",
    "European Parliament", "European Central Bank", "ECB", "Council of Europe", "OSCE", "World Bank",
    "International Monetary Fund", "IMF", "World Trade Organization", "World Trade Organisation", "WTO",
    "World Health Organization", "World Health Organisation", "WHO", "UNESCO", "UNICEF", "UNHCR",
    "Security Council", "OPEC", "OECD", "G7", "G8", "G20", "ASEAN", "African Union", "Arab League",
    "Red Cross", "Red Crescent", "Amnesty International", "Human Rights Watch", "Greenpeace", "Oxfam",
    "Doctors Without Borders", "Medecins Sans Frontieres", "Interpol", "Europol", "IAEA", "ICC",
    "International Criminal Court", "International Olympic Committee", "IOC", "FIFA", "UEFA",
    // Government agencies and legislatures
    "FBI", "CIA", "NSA", "DHS", "FEMA", "FDA", "EPA", "IRS", "SEC", "FTC", "FCC", "FAA", "NTSB", "TSA",
    "DEA", "ATF", "NASA", "NOAA", "CDC", "NIH", "USDA", "Pentagon", "Kremlin", "Congress", "Senate",
    "House of Representatives", "Supreme Court", "Federal Reserve", "Treasury", "State Department",
    "Justice Department", "Department of Justice", "Homeland Security", "Department of Defense",
    "Department of Energy", "Department of State", "Bank of England", "Bank of Japan", "Parliament",
    "House of Commons", "House of Lords", "Home Office", "Foreign Office", "Ministry of Defence", "MoD",
    "NHS", "MI5", "MI6", "Scotland Yard", "Met Police", "Metropolitan Police", "Bundestag", "Bundesbank",
    "Duma", "State Duma", "FSB", "KGB", "GRU", "Knesset", "Mossad", "Shin Bet", "Politburo",
    "Social Security Administration", "Census Bureau", "Army Corps of Engineers", "Marine Corps",
    "US Army", "U.S. Army", "Royal Navy", "RAF", "Royal Air Force", "Coast Guard", "National Guard",
    // Parties and armed groups
    "Democratic Party", "Republican Party", "GOP", "Labour", "Labour Party", "Conservative Party",
    "Tories", "Liberal Democrats", "Lib Dems", "SNP", "Sinn Fein", "UKIP", "Green Party", "Tea Party",
    "Likud", "Kadima", "Fatah", "PLO", "Hamas", "Hezbollah", "Hizbollah", "Taliban", "al-Qaeda",
    "al - Qaeda", "al Qaeda", "al-Qaida", "al - Qaida", "al Qaida", "Al Qaeda", "Al - Qaeda", "Al-Qaeda",
    "Qaeda", "ISIS", "ISIL", "Islamic State", "Boko Haram", "al-Shabab", "al - Shabab", "Al Shabaab",
    "Muslim Brotherhood", "Ba'ath Party", "Baath Party", "Mahdi Army", "IRA", "ETA", "FARC", "Kurdistan Workers ' Party",
    "PKK", "Peshmerga", "Northern Alliance", "Mujahideen", "Wagner Group", "ANC", "Zanu-PF", "Zanu - PF",
    // Sport
    "NFL", "NBA", "MLB", "NHL", "MLS", "NCAA", "PGA", "ATP", "WTA", "Premier League", "Football League",
    "Manchester United", "Man United", "Man Utd", "Manchester City", "Man City", "Arsenal",
    "Tottenham", "Newcastle United", "Aston Villa", "West Ham", "Leeds United",
    "Real Madrid", "Bayern Munich", "Juventus", "AC Milan", "Inter Milan",
    "PSG", "Paris Saint-Germain", "New York Yankees", "Yankees", "Red Sox", "Boston Red Sox",
    "Dodgers", "Lakers", "Celtics", "Knicks", "Steelers", "Packers",
    "Redskins", "49ers", "Longhorns", "Aggies",
    // Universities and research bodies
    "Harvard", "Harvard University", "Yale", "MIT", "Caltech", "Columbia University",
    "Cornell", "UC Berkeley", "UCLA", "USC", "NYU", "Johns Hopkins",
    "Oxford University", "University of Oxford", "Cambridge University", "University of Cambridge", "LSE",
    "Imperial College", "UT", "UT Austin", "University of Texas", "Texas A&M", "Texas A & M", "A&M", "LSU",
    "Penn State", "Ohio State", "Brookings Institution", "RAND", "Rand Corporation",
    "Heritage Foundation", "Cato Institute", "Worldwatch", "Worldwatch Institute", "Smithsonian",
    "Gates Foundation", "Ford Foundation", "Rockefeller Foundation", "Salvation Army", "YMCA", "Boy Scouts",
    "Girl Scouts", "AARP", "NAACP", "ACLU", "NRA", "AFL-CIO", "Teamsters", "Sierra Club", "WWF",
};

// Last words of place names: streets, landforms, waters, buildings and
// areas ("Hayes Street", "Blue Ridge Mountains").
constexpr std::string_view kPlaceWords[] = {
    "Street", "St", "Avenue", "Ave", "Ave.", "Road", "Rd", "Rd.", "Boulevard", "Blvd", "Blvd.", "Lane", "Drive",
    "Highway", "Hwy", "Freeway", "Parkway", "Square", "Plaza", "Place", "Circle", "Bridge", "Tunnel", "River",
    "Lake", "Lakes", "Sea", "Ocean", "Bay", "Gulf", "Strait", "Channel", "Creek", "Falls", "Island", "Islands",
    "Isle", "Peninsula", "Coast", "Beach", "Cape", "Mountain", "Mountains", "Mount", "Mt", "Mt.", "Hill", "Hills",
    "Valley", "Canyon", "Desert", "Forest", "Park", "Gardens", "Garden", "Reserve", "County", "Province",
    "District", "Region", "Territory", "Borough", "Township", "Village", "Heights", "Airport", "Station",
    "Harbor", "Harbour", "Port", "Castle", "Palace", "Cathedral", "Abbey", "Temple", "Mosque", "Tower",
    "Stadium", "Arena", "Mall", "Center", "Centre", "Hotel", "Restaurant", "Cafe", "Grill", "Bar", "Pub",
    "Museum", "Hospital",
};

// Buildings and streets that stand for the government seated there.
constexpr std::string_view kInstitutions[] = {
    "White House", "Kremlin", "Pentagon", "Downing Street", "Elysee", "Elysee Palace", "Whitehall",
    "Capitol Hill", "Foggy Bottom", "Quai d'Orsay", "Zhongnanhai", "Blue House",
};

// Common given names (English-language news), a strong cue for PERSON.
constexpr std::string_view kFirstNames[] = {
    "James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Joe", "Thomas",
    "Charles", "Christopher", "Daniel", "Matthew", "Anthony", "Antony", "Mark", "Donald", "Steven",
    "Steve", "Paul", "Andrew", "Joshua", "Kenneth", "Kevin", "Brian", "George", "Timothy", "Ronald",
    "Edward", "Jason", "Jeffrey", "Ryan", "Jacob", "Gary", "Nicholas", "Eric", "Jonathan", "Stephen",
    "Larry", "Justin", "Scott", "Brandon", "Benjamin", "Samuel", "Gregory", "Alexander", "Frank",
    "Patrick", "Raymond", "Jack", "Dennis", "Jerry", "Tyler", "Aaron", "Jose", "Adam", "Nathan", "Henry",
    "Douglas", "Zachary", "Peter", "Kyle", "Walter", "Ethan", "Jeremy", "Harold", "Keith", "Christian",
    "Roger", "Noah", "Gerald", "Carl", "Terry", "Sean", "Austin", "Arthur", "Lawrence", "Jesse", "Dylan",
    "Bryan", "Joe", "Jordan", "Billy", "Bruce", "Albert", "Willie", "Gabriel", "Logan", "Alan", "Juan",
    "Wayne", "Roy", "Ralph", "Randy", "Eugene", "Vincent", "Russell", "Elijah", "Louis", "Bobby",
    "Philip", "Johnny", "Tony", "Tom", "Tim", "Jim", "Bill", "Bob", "Mike", "Dave", "Dan", "Chris", "Matt",
    "Nick", "Ben", "Sam", "Jake", "Alex", "Max", "Ian", "Neil", "Gordon", "Nigel", "Graham", "Simon",
    "Martin", "Barack", "Hillary", "Vladimir", "Boris", "Dmitry", "Sergei", "Sergey", "Angela", "Emmanuel",
    "Xi", "Kim", "Recep", "Narendra", "Justin", "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth",
    "Barbara", "Susan", "Jessica", "Sarah", "Karen", "Nancy", "Lisa", "Betty", "Margaret", "Sandra",
    "Ashley", "Kimberly", "Emily", "Donna", "Michelle", "Dorothy", "Carol", "Amanda", "Melissa",
    "Deborah", "Stephanie", "Rebecca", "Sharon", "Laura", "Cynthia", "Kathleen", "Amy", "Shirley",
    "Anna", "Angela", "Helen", "Brenda", "Pamela", "Nicole", "Emma", "Samantha", "Katherine", "Christine",
    "Debra", "Rachel", "Catherine", "Carolyn", "Janet", "Ruth", "Maria", "Heather", "Diane", "Virginia",
    "Julie", "Joyce", "Victoria", "Olivia", "Kelly", "Christina", "Lauren", "Joan", "Evelyn", "Judith",
    "Megan", "Cheryl", "Andrea", "Hannah", "Martha", "Jacqueline", "Frances", "Gloria", "Ann", "Anne",
    "Teresa", "Kathryn", "Sara", "Janice", "Jean", "Alice", "Madison", "Doris", "Abigail", "Julia",
    "Judy", "Grace", "Denise", "Amber", "Marilyn", "Beverly", "Danielle", "Theresa", "Sophia", "Marie",
    "Diana", "Brittany", "Natalie", "Isabella", "Charlotte", "Rose", "Alexis", "Kayla", "Jane", "Kate",
    "Sue", "Liz", "Jenny", "Tina", "Kamala", "Nancy", "Theresa", "Jacinda", "Ursula", "Marine", "Rick",
    "Jeff", "Greg", "Doug", "Ken", "Phil", "Ray", "Rob", "Jay", "Pat", "Fred", "Ted", "Ed", "Al", "Jon",
    "Jim", "Don", "Ron", "Hank", "Vince", "Vic", "Stan", "Leo", "Luke", "Owen", "Evan", "Colin", "Dean",
    "Glenn", "Craig", "Darren", "Stuart", "Rory", "Hugh", "Angus", "Ali", "Mohammed", "Muhammad", "Ahmed",
    "Omar", "Hassan", "Ivan", "Igor", "Yuri", "Olga", "Natalia", "Pierre", "Jean", "Francois", "Hans",
    "Klaus", "Giuseppe", "Carlos", "Luis", "Miguel", "Pedro", "Ana", "Sophie", "Chloe", "Lucy", "Ellie",
    "Molly", "Holly", "Jess", "Becky", "Kathy", "Cathy", "Wendy", "Tracy", "Stacy", "Jill", "Gail", "Kay",
    "Lynn", "Meg", "Beth", "Amelia", "Ava", "Mia", "Zoe", "Rosa", "Eva", "Vera", "Irene", "Louise",
    // International and less frequent given names. Names that also start
    // company or place names (Morgan, Ford, Lincoln) and common words
    // (Hope, Grant, Will) are left out: the resolver reads a first name as
    // a sign of a person.
    "Aaliyah", "Abdul", "Abdullah", "Abe", "Abraham", "Ada", "Adele", "Adrian", "Adriana", "Adrienne", "Agnes",
    "Ahmad", "Aidan", "Aisha", "Akira", "Alana", "Alberto", "Alec", "Alejandro", "Alessandro", "Alexandra",
    "Alexandre", "Alexei", "Alfonso", "Alfred", "Alfredo", "Alicia", "Alina", "Alison", "Allison", "Alvin",
    "Amir", "Amit", "Anand", "Anastasia", "Andre", "Andreas", "Andrei", "Andres", "Andrey", "Andy", "Angelica",
    "Angelina", "Angelo", "Anita", "Annabel", "Annette", "Annie", "Antoine", "Antonio", "Anton", "Anya",
    "Archie", "Ariana", "Ariel", "Arjun", "Arnold", "Arturo", "Ashton", "Audrey", "Augustine", "Aurora", "Axel",
    "Ayesha", "Barry", "Bart", "Beatrice", "Belinda", "Bella", "Benedict", "Benny", "Bernard", "Bernie", "Bert",
    "Bethany", "Betsy", "Bianca", "Bonnie", "Brad", "Bradley", "Brady", "Brendan", "Brent", "Brett", "Bridget",
    "Bruno", "Bryce", "Bryony", "Byron", "Caitlin", "Caleb", "Calvin", "Camila", "Camille", "Candice", "Carla",
    "Carlo", "Carmen", "Caroline", "Carolina", "Carrie", "Cassandra", "Cassie", "Cecilia", "Cedric", "Celeste",
    "Celia", "Chad", "Charlie", "Chelsea", "Cheng", "Cindy", "Claire", "Clara", "Clarence", "Claude", "Claudia",
    "Clifford", "Clive", "Cody", "Connor", "Conor", "Corey", "Cory", "Courtney", "Cyril", "Dale", "Damian",
    "Damien", "Daniela", "Danny", "Daphne", "Darius", "Darnell", "Darryl", "Daryl", "Davide", "Debbie",
    "Deirdre", "Delia", "Derek", "Desmond", "Devin", "Diego", "Dimitri", "Dina", "Dmitri", "Dolores", "Dominic",
    "Dominique", "Donovan", "Dora", "Doreen", "Duncan", "Dustin", "Dwight", "Edgar", "Edith", "Edmund",
    "Eduardo", "Edwin", "Eileen", "Elaine", "Eleanor", "Elena", "Elias", "Elisa", "Elise", "Eliza", "Ella",
    "Ellen", "Elliot", "Elliott", "Eloise", "Elsa", "Elvis", "Emil", "Emilia", "Emilio", "Enrique", "Erica",
    "Erik", "Erin", "Ernest", "Ernesto", "Ernie", "Esther", "Ethel", "Ezra", "Fabio", "Faisal", "Farah",
    "Fatima", "Federico", "Felicia", "Felix", "Fernando", "Fiona", "Florence", "Floyd", "Francesca",
    "Francesco", "Francis", "Francisco", "Franco", "Frankie", "Franz", "Freddie", "Frederick", "Fritz",
    "Gabriela", "Gabrielle", "Garrett", "Gavin", "Gemma", "Geoff", "Geoffrey", "Gerard", "Gerhard", "Gilbert",
    "Gina", "Giorgio", "Giovanni", "Gisele", "Giulia", "Gladys", "Glen", "Glenda", "Greta", "Gretchen",
    "Guillermo", "Gunther", "Gus", "Gustavo", "Gwen", "Hailey", "Hamid", "Harriet", "Harry", "Harvey", "Heidi",
    "Helena", "Helmut", "Herbert", "Hilda", "Hiroshi", "Hugo", "Humphrey", "Hussein", "Ibrahim", "Ignacio",
    "Ilya", "Imran", "Ingrid", "Ira", "Irina", "Isaac", "Isabel", "Isabelle", "Isaiah", "Ismail", "Jackie",
    "Jaime", "Jamal", "Jamie", "Jana", "Janine", "Jared", "Jasmine", "Javier", "Jeanette", "Jeanne", "Jenna",
    "Jennie", "Jeremiah", "Jerome", "Jessie", "Jimmy", "Joanna", "Joanne", "Joaquin", "Jodie", "Joey", "Johan",
    "Johann", "Johanna", "Jolene", "Jorge", "Josef", "Josephine", "Josh", "Juanita", "Jules", "Julian",
    "Juliana", "Julien", "Juliet", "Julio", "Justine", "Karim", "Karin", "Karl", "Karla", "Katelyn",
    "Katharine", "Katie", "Katrina", "Katya", "Kelvin", "Kendra", "Kenji", "Khalid", "Kirsten", "Kristen",
    "Kristin", "Kristina", "Krishna", "Kurt", "Lana", "Lara", "Larissa", "Laurel", "Laurence", "Laurie", "Leah",
    "Leila", "Lena", "Leon", "Leonard", "Leonardo", "Leroy", "Leslie", "Lester", "Liam", "Lila", "Lily", "Lina",
    "Lindsay", "Lindsey", "Lionel", "Lois", "Lola", "Lorenzo", "Loretta", "Lorraine", "Luca", "Lucas", "Lucia",
    "Luciano", "Lucille", "Luigi", "Luisa", "Lukas", "Lydia", "Lyle", "Mabel", "Mackenzie", "Madeleine",
    "Madeline", "Maggie", "Mahmoud", "Malcolm", "Mandy", "Manuel", "Marc", "Marcel", "Marcia", "Marco",
    "Marcos", "Marcus", "Margo", "Mariana", "Marianne", "Marina", "Mario", "Marisa", "Marjorie", "Marla",
    "Marlene", "Marsha", "Marta", "Martina", "Marty", "Marvin", "Mateo", "Mathieu", "Matthias", "Maureen",
    "Maurice", "Mauricio", "Maxine", "Maya", "Mehmet", "Melanie", "Melinda", "Melvin", "Meredith", "Merle",
    "Mickey", "Millie", "Mindy", "Miranda", "Miriam", "Misha", "Mitch", "Mitchell", "Mohamed", "Mohammad",
    "Monica", "Monique", "Moses", "Mustafa", "Myra", "Nadia", "Nadine", "Naomi", "Natasha", "Nathalie",
    "Nathaniel", "Nicola", "Nicolas", "Nikhil", "Nikita", "Niko", "Nikolai", "Nina", "Noel", "Nora", "Norma",
    "Olaf", "Oleg", "Oliver", "Olivier", "Oscar", "Pablo", "Paige", "Pam", "Paolo", "Pascal", "Patrice",
    "Patty", "Paula", "Pauline", "Pavel", "Peggy", "Penelope", "Percy", "Perry", "Petra", "Phoebe", "Phyllis",
    "Piotr", "Polly", "Priscilla", "Priya", "Quentin", "Rachael", "Rafael", "Rahul", "Raj", "Rajesh", "Ramon",
    "Ramona", "Randall", "Raul", "Reggie", "Regina", "Reginald", "Rene", "Renee", "Rhonda", "Ricardo", "Richie",
    "Rita", "Roberta", "Roberto", "Robin", "Rocco", "Rodney", "Rodrigo", "Roland", "Roman", "Ronnie",
    "Rosalind", "Rosemary", "Roxanne", "Rudolf", "Rudy", "Rupert", "Sabrina", "Sadie", "Sally", "Salvador",
    "Samir", "Sammy", "Sanjay", "Santiago", "Sasha", "Saul", "Scarlett", "Sebastian", "Selena", "Serena",
    "Sergio", "Shane", "Shannon", "Shaun", "Shawn", "Sheila", "Shelley", "Sherry", "Sidney", "Silvia", "Simone",
    "Sonia", "Sonya", "Stacey", "Stefan", "Stefanie", "Stella", "Stephan", "Steph", "Stewart", "Susanna",
    "Susie", "Suzanne", "Sven", "Sylvia", "Tamara", "Tammy", "Tania", "Tanya", "Tara", "Teddy", "Terence",
    "Terrence", "Tess", "Thelma", "Theodore", "Tiffany", "Timmy", "Toby", "Todd", "Tommy", "Toni", "Tracey",
    "Travis", "Trevor", "Tyrone", "Ulrich", "Umar", "Valentina", "Valerie", "Vanessa", "Veronica", "Vicky",
    "Victor", "Viktor", "Vijay", "Vikram", "Viola", "Vivian", "Wanda", "Wendell", "Werner", "Wilbur", "Wilfred",
    "Willa", "Winifred", "Winston", "Wolfgang", "Xavier", "Yasmin", "Yolanda", "Yusuf", "Yvette", "Yvonne",
    "Zach", "Zane", "Zara", "Akhil", "Alok", "Amitabh", "Anil", "Arun", "Ashok", "Deepak", "Ganesh", "Gopal",
    "Harish", "Kiran", "Lakshmi", "Manoj", "Mohan", "Mukesh", "Naveen", "Neha", "Nitin", "Pooja", "Pradeep",
    "Prakash", "Rakesh", "Ramesh", "Ravi", "Rohit", "Sachin", "Sanjeev", "Santosh", "Shiva", "Sunil", "Suresh",
    "Vinod", "Vivek", "Anjali", "Deepa", "Divya", "Kavita", "Meena", "Nisha", "Rekha", "Sunita", "Swati",
    "Yuki", "Hiro", "Takashi", "Kenta", "Haruki", "Yoshi", "Satoshi", "Naoko", "Keiko", "Sakura", "Seung",
    "Hyun", "Joon", "Kwame", "Kofi", "Chinedu", "Chidi", "Ngozi", "Olu", "Tunde", "Thabo", "Jomo", "Uhuru",
    "Amina", "Abdi", "Yasser", "Khaled", "Tariq", "Rashid", "Salim", "Samira", "Layla", "Zainab", "Youssef",
    "Ahmet", "Emre", "Fatih", "Jacques", "Jean-Pierre", "Jean-Claude", "Jean-Luc", "Marie-Claire", "Yves",
    "Michel", "Philippe", "Thierry", "Sylvie", "Dieter", "Jurgen", "Jörg", "Uwe", "Heinz", "Horst", "Sabine",
    "Ute", "Salvatore", "Matteo", "Alessandra", "Chiara", "Elisabetta", "Paola", "Vladislav", "Mikhail",
    "Nikolay", "Aleksandr", "Alexey", "Yevgeny", "Tatiana", "Svetlana", "Ekaterina", "Natalya", "Ludmila",
    "Olena", "Oksana", "Volodymyr", "Petro", "Yulia", "Wojciech", "Krzysztof", "Tomasz", "Agnieszka",
    "Katarzyna", "Lars", "Nils", "Anders", "Bjorn", "Magnus", "Astrid", "Sigrid", "Jens", "Henrik", "Mette",
    "Alejandra", "Sofia", "Valeria",
    "Catriona", "Siobhan", "Niamh", "Aoife", "Ciara", "Sinead", "Eoin", "Seamus", "Padraig", "Declan", "Ronan", "Fergus", "Hamish", "Alasdair", "Iain", "Ewan", "Morag", "Mairead", "Kirsty", "Shona", "Ailsa",
};

std::string lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

}  // namespace

const Gazetteer& Gazetteer::builtin() {
  static const Gazetteer* const kBuiltin = new Gazetteer();  // never destroyed: used from any thread at exit
  return *kBuiltin;
}

Gazetteer::Gazetteer() {
  for (const lexicon::Country& c : lexicon::countries()) {
    if (c.sovereign) add(c.name, kGazCountry);
  }
  for (auto p : lexicon::nationality_words()) add(p, kGazDemonym);
  for (auto p : kCities) add(p, kGazCity);
  for (auto p : kRegions) add(p, kGazRegion);
  for (auto p : lexicon::titles()) add(p, kGazTitle);
  for (const lexicon::Honorific& h : lexicon::honorifics()) {
    if (h.uses & lexicon::kSpelledBare) add(h.word, kGazHonorific);
    if (h.uses & lexicon::kSpelledDotted) add(std::string(h.word) + ".", kGazHonorific);
  }
  for (auto p : kTitleModifiers) add(p, kGazTitleModifier);
  for (auto p : lexicon::organisation_words()) add(p, kGazOrgWord);
  for (auto p : kFirstNames) add(p, kGazFirstName);
  for (auto p : kInstitutions) add(p, kGazInstitution);
  for (auto p : kGreetings) add(p, kGazGreeting);
  for (auto p : kPlaceWords) add(p, kGazPlaceWord);
  for (auto p : kOrganizations) add(p, kGazOrganization);
}

void Gazetteer::add(std::string_view phrase, uint16_t classes) {
  const std::string key = lowercase(phrase);
  size_t words = 1;
  for (char c : key) words += (c == ' ');
  if (words == 1) {
    words_[key] |= classes;
  } else {
    phrases_[key] |= classes;
    phrase_starts_.insert(key.substr(0, key.find(' ')));
    if (words > longest_phrase_) longest_phrase_ = words;
  }
}

uint16_t Gazetteer::word_classes(std::string_view word) const {
  char buf[64];
  const std::string_view lower = lowercase_into(word, buf, sizeof(buf));
  if (lower.empty()) return 0;
  const auto it = words_.find(lower);
  return it == words_.end() ? 0 : it->second;
}

void Gazetteer::mark(std::span<const Word> words, std::vector<GazetteerMark>* marks) const {
  marks->assign(words.size(), GazetteerMark{});
  for (size_t i = 0; i < words.size(); ++i) (*marks)[i].word_classes = word_classes(words[i].form);
  // Longest phrase first at each start; a matched phrase is skipped over so
  // phrases never overlap.
  std::string key;
  size_t i = 0;
  while (i < words.size()) {
    size_t matched = 0;
    uint16_t classes = 0;
    char buf[64];
    const std::string_view first = lowercase_into(words[i].form, buf, sizeof(buf));
    const bool may_start = !first.empty() && phrase_starts_.contains(first);
    for (size_t len = may_start ? std::min(longest_phrase_, words.size() - i) : 0; len >= 2; --len) {
      key.clear();
      for (size_t k = 0; k < len; ++k) {
        if (k > 0) key += ' ';
        for (char c : words[i + k].form) key += ascii_lower(c);
      }
      const auto it = phrases_.find(key);
      if (it != phrases_.end()) {
        matched = len;
        classes = it->second;
        break;
      }
    }
    if (matched == 0) {
      if ((*marks)[i].word_classes != 0) (*marks)[i].phrase_classes = (*marks)[i].word_classes;
      ++i;
      continue;
    }
    for (size_t k = 0; k < matched; ++k) {
      GazetteerMark& m = (*marks)[i + k];
      m.phrase_classes = classes;
      m.phrase_position = k == 0 ? 1 : k + 1 == matched ? 3 : 2;
    }
    i += matched;
  }
}


}  // namespace kg::nlp
