//! Fictional people: first names and surnames common in Belgium, with the
//! names of the larger communities of non-Belgian origin.

pub const MALE_FIRST: &[&str] = &[
    "Jan", "Pieter", "Tom", "Kevin", "Bart", "Wim", "Dirk", "Koen", "Stijn", "Jeroen", "Thomas", "Lucas",
    "Arne", "Wout", "Jens", "Robbe", "Sander", "Geert", "Luc", "Marc", "Patrick", "Filip", "Johan", "Peter",
    "Nicolas", "Julien", "Maxime", "Olivier", "Benoît", "Quentin", "Kris", "Dries", "Ruben", "Bram", "Yannick",
    "Frederik", "Gert", "Hans", "Erik", "Michiel",
];

pub const FEMALE_FIRST: &[&str] = &[
    "An", "Els", "Katrien", "Sofie", "Lies", "Eva", "Sarah", "Lien", "Nathalie", "Griet", "Hilde", "Inge",
    "Marijke", "Veerle", "Joke", "Ellen", "Charlotte", "Laura", "Julie", "Hanne", "Lotte", "Fien", "Emma",
    "Marie", "Camille", "Sophie", "Isabelle", "Valérie", "Céline", "Aurélie", "Kim", "Tine", "Evelien", "Nele",
    "Annelies", "Karen", "Caroline", "Ilse", "Leen", "Stefanie",
];

pub const SURNAMES: &[&str] = &[
    "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters", "De Smet",
    "Dubois", "Lambert", "Dupont", "Martens", "Vermeulen", "Hermans", "Pauwels", "Van den Bossche", "Aerts",
    "De Clercq", "Leroy", "Michiels", "Desmet", "Declercq", "Verstraete", "Coppens", "Van Damme", "Lemmens",
    "Segers", "Vandenberghe", "Claeys", "Martin", "Simon", "Laurent", "Mathieu", "Renard", "Verhoeven",
    "De Backer", "Wuyts", "Van de Velde", "Cools", "Smets", "Verbeke", "De Vos", "Bogaert", "Stevens",
    "Van Acker", "Thys", "Baert", "Vandamme",
];

/// Names by nationality code for colleagues of non-Belgian nationality.
pub const ABROAD: &[(&str, &[&str], &[&str], &[&str])] = &[
    ("NL", &["Daan", "Sem", "Ruud"], &["Femke", "Anouk", "Sanne"], &["de Vries", "Bakker", "Visser"]),
    ("FR", &["Antoine", "Hugo"], &["Chloé", "Manon"], &["Moreau", "Girard", "Roux"]),
    ("PL", &["Piotr", "Tomasz", "Krzysztof"], &["Anna", "Katarzyna", "Magdalena"], &["Nowak", "Kowalski", "Wiśniewski"]),
    ("RO", &["Andrei", "Mihai"], &["Elena", "Ioana"], &["Popescu", "Ionescu"]),
    ("MA", &["Mohamed", "Youssef", "Karim", "Said"], &["Fatima", "Samira", "Nadia"], &["El Amrani", "Benali", "Bouzid", "El Idrissi"]),
    ("TR", &["Mehmet", "Ahmet", "Emre"], &["Ayşe", "Elif", "Zeynep"], &["Yılmaz", "Kaya", "Demir", "Şahin"]),
    ("CD", &["Jean-Paul", "Patrick"], &["Grâce", "Esther"], &["Mukendi", "Kabongo", "Tshibangu"]),
    ("SY", &["Ahmad", "Omar"], &["Rania", "Lina"], &["Al-Hassan", "Haddad"]),
    ("UA", &["Oleksandr", "Andrii"], &["Olena", "Iryna"], &["Shevchenko", "Bondarenko"]),
    ("IN", &["Rahul", "Arjun"], &["Priya", "Ananya"], &["Sharma", "Patel"]),
];
