/**
 * Passwords of at least 10 characters that top the lists of leaked passwords (the shorter ones are
 * refused by length anyway). Compared in lower case.
 */
export const COMMON_PASSWORDS: readonly string[] = [
  '0000000000', '0123456789', '0987654321', '1111111111', '1122334455', '1212121212', '1234512345', '1234554321',
  '1234567890', '12345678910', '123456789a', '123456789q', '1234567890a', '1234567890q', '123123123123', '1231231231',
  '123456654321', '123qweasdzxc', '147258369a', '1q2w3e4r5t', '1q2w3e4r5t6y', '1qaz2wsx3edc', '1qazxsw23edc', '2222222222',
  '5555555555', '9876543210', '987654321a', 'a123456789', 'aa12345678', 'abc1234567', 'abcd123456', 'abcdefghij',
  'admin12345', 'admin123456', 'administrator', 'asdfghjkl1', 'asdfghjkl;', 'asdfasdfasdf', 'baseball123', 'basketball',
  'bigdaddy123', 'butterfly1', 'changeme123', 'charlie123', 'chocolate1', 'computer123', 'conference', 'correct horse',
  'correcthorsebatterystaple', 'dragon1234', 'football123', 'footballfootball', 'freedom123', 'iloveyou12', 'iloveyou123',
  'internet123', 'jordan2323', 'letmein123', 'letmeinplease', 'liverpool1', 'michael123', 'monkey1234', 'myspace123',
  'p@ssw0rd123', 'p@ssword123', 'passw0rd123', 'password!', 'password-1', 'password-123', 'password.1', 'password01',
  'password1!', 'password10', 'password11', 'password12', 'password123', 'password1234', 'password12345', 'password2024',
  'password2025', 'password2026', 'password2027', 'passwordpassword', 'princess123', 'q1w2e3r4t5', 'q1w2e3r4t5y6',
  'qazwsxedcrfv', 'qwaszxqwaszx', 'qweasdzxc123', 'qwerty1234', 'qwerty12345', 'qwerty123456', 'qwertyqwerty', 'qwertyuiop',
  'qwertyuiop123', 'starwars123', 'sunshine123', 'superman123', 'trustno1234', 'welcome123', 'welcome1234', 'whatever123',
  'zaq12wsxcde3', 'zxcvbnm123', 'zxcvbnm1234', 'iloveyouiloveyou', 'letmein1234', 'hello12345', 'hello123456', 'summer2024',
  'summer2025', 'summer2026', 'winter2025', 'winter2026', 'spring2026', 'autumn2026', 'healthconnect', 'healthconnect1',
];
