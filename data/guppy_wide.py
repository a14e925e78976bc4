"""Guppy with a wider user side: the same fish and replies, about three times the ways to ask.

data/guppy.py holds 283 intents with 1,535 frames; this file adds, per topic, 1,922 more frames
to its intents, 153 new intents (1,097 frames), 848 more synonyms and 231 more contexts (`More`,
added by `widen` in persona.py). Measured (README, The dataset): with the CPU preset's 2,800
steps the narrower grammar does better (the model has not learned the wider one yet), with twice
the steps the wider one answers far more hand-written prompts on topic. So `python train.py --preset guppy`
(a GPU's 10,000 steps) trains on this persona, and the CPU preset on data/guppy.py:

    python -m data --persona data.guppy_wide --out runs/data-wide
    python -m data sample --persona data.guppy_wide --topic temp_hot

The frames follow docs/persona.md like guppy.py's and were read with every word of their pools
(the pools here add to guppy.py's pools of the same name, so a few of guppy.py's own frames meet
new words: "a rock pool is so big"); they were written without reading the eval or development
cases.
"""

from data.guppy import PERSONA as GUPPY
from data.persona import Intent, More, widen

MORE = {
    "greeting": More(
        frames={
            "say_hello": (
                "{hi_word} again", "well {hi_word} {pet_name}", "just popping in to say {hi_word}",
                "{hi_word} {pet_name}, long time no see", "hey hey", "sup, {pet_name}",
                "wassup fishy", "ahoy there, {pet_name}!", "greetings, {pet_name}",
            ),
            "back_home": (
                "honey, i'm home", "i'm back, did you miss me?", "i just got in",
                "finally home from {away_place}", "guess who just got home",
                "back from {away_place}, {pet_name}!", "i'm back, what did i miss?",
            ),
            "check_in": (
                "hello? anyone in the tank?", "yoo hoo, where are you?", "where did you get to?",
                "peekaboo, where are you?", "come to the front, {pet_name}",
                "can you hear me in there?",
            ),
            "glad_to_see": (
                "hey, long time no see", "it's been ages!", "it's so good to see you",
                "there's my little guy", "aww hello you", "look at you, {pet_name}!",
            ),
        },
        intents=(
            Intent("time_of_day", (
                "good {day_part}, {pet_name}", "good {day_part}!", "a very good {day_part} to you",
                "top of the morning to you", "happy {weekday}, {pet_name}!",
                "good {day_part}, how's my fish?", "morning all!",
            )),
            Intent("wave_hello", (
                "i'm waving at you", "can you see me waving?", "wave back at me, {pet_name}",
                "look, i'm waving hello", "give me a wave, {pet_name}", "high five? fin five?",
                "say hi to me with your fins",
            )),
        ),
        words={
            "hi_word": (
                "hiya there", "hi hi", "hullo", "heyo", "good afternoon", "afternoon", "g'day",
            ),
            "away_place": ("college", "the pub", "football", "my mum's", "uni", "the dentist"),
            "day_part": ("morning", "afternoon", "evening", "day"),
            "weekday": ("monday", "friday", "saturday", "sunday", "tuesday", "weekend"),
        },
        contexts=(
            "it's been a long week.", "i've missed you.", "i just sat down.", "it's been ages.",
        ),
    ),
    "goodbye": More(
        frames={
            "say_bye": (
                "alright, {bye_word}", "{bye_word}, take care", "right then, {bye_word}",
                "{bye_word}, be good", "gotta dash, {bye_word}",
                "{bye_word} {pet_name}, take care", "okay {pet_name}, {bye_word}",
            ),
            "have_to_go": (
                "gotta go", "i'm off", "i've got to dash", "i can't stay long",
                "sorry, i need to go", "i'm out of here", "time i was off",
                "i have to head to {leave_to}", "right, i'm off to {leave_to}",
            ),
            "back_later": (
                "won't be long", "i'll see you {back_when}", "i'll be back {back_when}, promise",
                "be back {back_when}", "catch you {back_when}", "same time tomorrow?",
                "i'll visit again {back_when}",
            ),
            "goodnight": (
                "nighty night", "night, {pet_name}", "i'm going to bed now, night",
                "goodnight, see you in the morning", "sleep well, {pet_name}",
                "don't let the bed bugs bite",
            ),
        },
        intents=(
            Intent("going_away", (
                "i'm going away for {trip_len}", "i'll be gone for {trip_len}",
                "i'm going on holiday tomorrow", "someone will look after you while i'm away",
                "i'm away for {trip_len}, be good", "i won't see you for {trip_len}",
                "i'm leaving on a trip soon",
            )),
            Intent("miss_you", (
                "i'll miss you", "i'm going to miss you", "will you miss me?",
                "don't forget me while i'm out", "i hate leaving you",
                "i wish i could stay longer", "leaving you is the worst part of my day",
            )),
        ),
        words={
            "bye_word": (
                "laters", "peace out", "ciao", "toodles", "see you around", "bye for now",
                "catch you later", "adios", "cya",
            ),
            "leave_to": (
                "the airport", "football", "practice", "my nan's", "the pub", "the cinema",
                "the dentist",
            ),
            "back_when": (
                "later", "at the weekend", "after work", "in ten minutes", "in a few days",
            ),
            "trip_len": (
                "a week", "a few days", "the weekend", "two weeks", "a while", "a couple of days",
                "ten days",
            ),
        },
        contexts=(
            "i've got an early start.", "i'm already late.", "my friends are waiting.",
            "i've got my coat on.",
        ),
    ),
    "name": More(
        frames={
            "ask_name": (
                "who might you be?", "got a name?", "what do they call you?",
                "remind me, what's your name?", "what's your name again?",
                "do you know your own name?",
            ),
            "what_to_call": (
                "can i call you {nickname}?", "do you mind if i call you {nickname}?",
                "is {nickname} okay for you?", "can i give you a nickname?",
                "how about i call you {nickname}?", "would you like a new name?",
                "i'm going to call you {nickname}",
            ),
            "check_name": (
                "wait, are you guppy?", "you're guppy, aren't you?", "guppy, is that you?",
                "so your name is guppy?", "is your name really guppy?",
            ),
            "introduce": (
                "hi, i'm {human_name}", "my name's {human_name}, nice to meet you",
                "i'm {human_name}, and you are?", "call me {human_name}, what about you?",
                "do you know my name?", "guess what my name is",
            ),
        },
        intents=(
            Intent("name_meaning", (
                "what does your name mean?", "why guppy?", "who picked your name?",
                "do you like your name?", "is guppy a good name?", "does your name suit you?",
                "were you always called guppy?", "why are you called guppy?",
                "how did you get your name?",
            )),
            Intent("full_name", (
                "how do you spell your name?", "can you spell your name for me?",
                "what's your last name?", "do you have a surname?", "what's your full name?",
                "do you have a middle name?", "is guppy your first name?",
            )),
        ),
        words={
            "nickname": (
                "bubbles", "finn", "goldie", "nemo", "flipper", "sparky", "captain", "mr fins",
                "little dude", "gills", "fishface", "sir swims a lot",
            ),
            "human_name": (
                "sam", "alex", "jo", "charlie", "maya", "tom", "priya", "leo", "emma", "jack",
                "zoe", "ben",
            ),
        },
        contexts=(
            "sorry, i'm terrible with names.", "we've only just met.", "my kids want to know.",
        ),
    ),
    "identity": More(
        frames={
            "what_are_you": (
                "what exactly are you?", "are you even a fish?", "what even are you?",
                "i can't work out what you are", "what am i talking to?",
                "be honest, what are you?",
            ),
            "are_you_x": (
                "be honest, are you {not_fish}?", "wait, am i talking to {not_fish}?",
                "you sound like {not_fish}", "are you secretly {not_fish}?",
                "you're {not_fish}, aren't you?", "admit it, you're {not_fish}",
                "how do i know you're not {not_fish}?",
            ),
            "real_fish": (
                "are you really a fish?", "are you a real animal?", "you're not fake, are you?",
                "are you made of plastic?", "are you a living thing?",
                "can you prove you're a fish?", "so you're a real fish?",
            ),
        },
        intents=(
            Intent("talking_fish", (
                "how can a fish talk?", "since when can fish talk?", "how are you talking to me?",
                "fish can't talk, so what are you?", "who taught you to talk?",
                "are you typing with your fins?", "how does a fish chat with me?",
            )),
            Intent("fish_kind", (
                "what kind of fish are you?", "are you a goldfish?",
                "are you a boy fish or a girl fish?", "are you a guppy or a goldfish?",
                "what breed of fish are you?", "are you a freshwater fish?",
                "are you a tropical fish?",
            )),
        ),
        words={
            "not_fish": (
                "a toy", "a puppet", "a mermaid", "an alien", "a language model", "a real person",
                "a fake fish",
            ),
        },
        contexts=(
            "my friend thinks you're fake.", "i've never talked to a fish before.",
            "i've been wondering about this.",
        ),
    ),
    "feeling": More(
        frames={
            "how_are_you": (
                "hey, {how_feel}?", "so {pet_name}, {how_feel}?", "tell me, {how_feel}?",
                "{how_feel} lately?", "{how_feel} these days?", "you good?", "all good in there?",
                "you doing okay?",
            ),
            "check_mood": (
                "is everything alright?", "you seem a bit off today",
                "are you feeling yourself today?", "you don't seem yourself",
                "everything okay with my fish?", "feeling better today?", "are you well?",
                "are you feeling {mood_word} in there?",
            ),
            "whats_up": (
                "what's up with you?", "what's happening?", "what's the news in the tank?",
                "what have you been up to?", "sup, what's new?", "what's the latest?",
                "anything to report, {pet_name}?",
            ),
        },
        intents=(
            Intent("day_check", (
                "how was your day?", "how's your day been?", "how was your morning?",
                "did you have a good day?", "how's your week going?", "how was your weekend?",
                "has today been okay?", "how did today go for you?",
            )),
            Intent("ask_back", (
                "i'm good, how about you?", "i'm fine, and you?", "i'm doing alright, you?",
                "not bad, how about yourself?", "i've been better, how are you?",
                "same old here, you?", "i'm okay, what about you, {pet_name}?",
            )),
        ),
        words={
            "how_feel": (
                "how you doing", "you okay", "how goes it", "how's everything", "how's tricks",
                "how are we",
            ),
            "mood_word": ("all right", "chipper", "better"),
        },
        contexts=(
            "it's been a while.", "i'm just checking in.", "you were quiet yesterday.",
        ),
    ),
    "happy": More(
        frames={
            "are_you_happy": (
                "are you feeling {glad}?", "do you ever feel {glad}?", "happy fish today?",
                "you look {glad} in there", "is life good in there?", "you're all smiles today",
                "are you a happy chappy?",
            ),
            "what_makes_happy": (
                "what do you enjoy most?", "what makes your fins wiggle?",
                "what's your happy place?", "what's the best thing about being a fish?",
                "name one thing that makes you smile", "what's your favourite thing ever?",
            ),
            "i_am_happy": (
                "i'm over the moon", "best day ever!", "i'm in a really good mood today",
                "i'm so chuffed right now", "i can't stop smiling", "life is good right now",
                "i feel on top of the world",
            ),
            "good_day": (
                "did you have fun today?", "was today a good day?", "any good news in the tank?",
                "what's been the highlight of your day?", "was it a happy day in the tank?",
                "anything nice happen today?",
            ),
        },
        intents=(
            Intent("smile", (
                "do fish smile?", "can you smile?", "show me your happy face",
                "how do i know when you're {glad}?", "what does a happy fish look like?",
                "how do you show you're {glad}?", "give me a happy wiggle",
            )),
            Intent("make_happy", (
                "what can i do to make you {glad}?", "how can i make you {glad}?",
                "i want you to be {glad}", "i hope you're {glad} here", "do i make you {glad}?",
                "are you {glad} living with me?",
            )),
        ),
        words={
            "glad": ("chuffed", "upbeat", "cheery", "smiley"),
        },
        contexts=(
            "you look so bright today.", "it's the weekend.", "everything's going right today.",
        ),
    ),
    "sad": More(
        frames={
            "are_you_sad": (
                "are you feeling {down}?", "what's wrong, {pet_name}?", "why the long face?",
                "something wrong?", "you don't look too happy", "are you having a bad day?",
                "you look like you need a hug",
            ),
            "fish_sad": (
                "can fish be {down}?", "do you ever feel {down}?", "do fish have feelings?",
                "do fish get depressed?", "do fish get the blues?",
                "how can i tell if you're {down}?", "do you cry underwater?",
            ),
            "i_am_sad": (
                "i'm having a bad day", "today was awful", "i'm not okay",
                "everything went wrong today", "i just want to cry", "i need cheering up",
                "i just feel {down}",
            ),
        },
        intents=(
            Intent("cheer_up", (
                "what would cheer you up?", "how can i cheer you up?", "do you need a hug?",
                "want me to sit with you?", "don't be {down}, {pet_name}", "cheer up, {pet_name}",
                "it's okay to be {down} sometimes",
            )),
            Intent("bad_news", (
                "i got some bad news", "my best friend moved away", "i failed my exam",
                "i just got dumped", "my old fish passed away", "things are really hard right now",
                "nothing is going right for me",
            )),
        ),
        words={
            "down": ("fed up", "glum", "mopey", "down in the dumps", "heartbroken", "bummed"),
        },
        contexts=(
            "it's been a rough week.", "nobody's been around much.",
            "you've hardly moved all day.",
        ),
    ),
    "lonely": More(
        frames={
            "are_you_lonely": (
                "do you ever feel {lonely}?", "is it {lonely} being a fish?",
                "do you get {lonely} when i'm out?", "are you {lonely} without me?",
                "i worry you're {lonely}", "must be {lonely} in there", "{lonely} in there?",
            ),
            "alone": (
                "how does it feel being {alone}?", "don't you hate being {alone}?",
                "do you ever get sick of being {alone}?", "you're {alone} in there, huh?",
                "is being {alone} okay for a fish?", "what's it like being {alone}?",
            ),
            "want_company": (
                "would you like {company} in the tank?", "how about {company}?",
                "i could get you {company}", "do you need {company}?",
            ),
            "other_fish": (
                "do you want another fish?", "should i get a second fish?",
                "would you get along with other fish?", "do you like other fish?",
                "do fish need friends?", "do guppies like to be in groups?",
            ),
        },
        intents=(
            Intent("miss_me", (
                "did you miss me?", "were you lonely while i was gone?", "did you miss me today?",
                "i hate leaving you all by yourself", "were you okay on your own?",
                "i feel bad leaving you alone so long", "was it quiet without me?",
            )),
            Intent("user_lonely", (
                "i feel {lonely} too", "i'm {lonely} tonight", "i've got nobody to talk to",
                "can i talk to you? i'm {lonely}", "i live alone too", "it's just you and me now",
                "nobody calls me anymore",
            )),
        ),
        words={
            "lonely": ("so lonely", "kind of lonely", "really lonely", "all lonely"),
            "alone": ("solo", "on your lonesome", "by your lonesome"),
            "company": (
                "a little friend", "a fishy friend", "a tank buddy", "a roommate", "a girlfriend",
            ),
        },
        contexts=(
            "the house is empty today.", "everyone's gone out.", "i've been away all day.",
        ),
    ),
    "scared": More(
        frames={
            "did_i_scare": (
                "whoa, did that {scare_verb} you?", "did you get a fright?",
                "did i give you a scare?", "you jumped, are you okay?", "that made you jump, huh?",
                "ah, did {fright_cause} {scare_verb} you?",
            ),
            "you_look_scared": (
                "you look like you saw a ghost", "you look {spooked} in there",
                "are you okay? you look {spooked}", "what's got you {spooked}?",
                "you're shaking, are you okay?", "you seem {spooked} right now",
            ),
            "hiding": (
                "where did you disappear to?", "you shot off like a rocket",
                "come out, {pet_name}, it's only me", "it's just me, don't hide",
                "there's nothing to be scared of", "you can come out now",
                "why did you hide so fast?",
            ),
        },
        intents=(
            Intent("reassure", (
                "it's okay, you're safe", "don't worry, {pet_name}, you're safe",
                "nothing's going to hurt you", "shh, it's alright", "i'm here, you're okay",
                "it was only {fright_cause}", "calm down, it was just {fright_cause}",
                "no need to panic, {pet_name}",
            )),
            Intent("what_happened", (
                "what scared you?", "what just happened?", "what made you jump?",
                "what spooked you?", "what was that all about?", "what did you see?",
                "did you see something scary?",
            )),
        ),
        words={
            "scare_verb": ("spook",),
            "spooked": ("spooked", "on edge", "freaked out", "jittery", "rattled", "panicky"),
            "fright_cause": (
                "the doorbell", "the fireworks", "the hoover", "my phone buzzing", "the kettle",
            ),
        },
        contexts=(
            "the fireworks started.", "the doorbell went.", "the hoover just started.",
            "a big truck went past.",
        ),
    ),
    "fear": More(
        frames={
            "what_afraid": (
                "what freaks you out?", "what scares you the most?", "any phobias?",
                "do you have a phobia?", "what's the scariest thing in the world?",
                "name one thing you're {afraid} of", "what would give you nightmares?",
            ),
            "afraid_of_x": (
                "are you scared of {scary_thing}?", "how do you feel about {scary_thing}?",
                "i bet you hate {scary_thing}", "would you be {afraid} of a shark?",
                "are you {afraid} of me?", "are you {afraid} of the dark?",
                "would a heron scare you?",
            ),
            "brave": (
                "are you a scaredy fish?", "you're braver than you look",
                "do you ever feel brave?", "what's the bravest thing you've done?",
                "how do you face your fears?", "i think you're a brave little fish",
            ),
        },
        intents=(
            Intent("user_fear", (
                "i'm {afraid} of {user_fear}", "i've always been {afraid} of {user_fear}",
                "i have a fear of {user_fear}", "are you {afraid} of {user_fear} too?",
                "i can't stand {user_fear}", "my biggest fear is {user_fear}",
            )),
            Intent("fish_fear", (
                "do fish feel fear?", "can fish get {afraid}?", "do fish have fears?",
                "do fish get frightened easily?", "are fish scared of humans?",
                "are you scared of people?", "how does a fish know to be {afraid}?",
            )),
        ),
        words={
            "afraid": ("scared stiff", "petrified", "fearful"),
            "fear_word": ("greatest fear", "number one fear"),
            "user_fear": (
                "spiders", "the dark", "heights", "clowns", "needles", "thunder", "deep water",
                "snakes", "wasps", "flying",
            ),
        },
        contexts=(
            "it's halloween.", "we're telling scary stories.", "i saw a huge spider today.",
        ),
    ),
    "excited": More(
        frames={
            "are_you_excited": (
                "are you {excited} or what?", "you look {excited} today", "aren't you {excited}?",
                "somebody's {excited}!", "i can tell you're {excited}", "why all the excitement?",
                "you're full of beans today", "are you {excited} for later?",
            ),
            "surprise": (
                "i brought you {treat}", "who wants {treat}?", "you'll never guess what i've got",
                "i've got a surprise, want to see?", "there's {treat} waiting for you",
                "look what i've got!",
            ),
            "zooming": (
                "you've got the zoomies!", "why are you doing zoomies?", "look at you go!",
                "slow down, {pet_name}!", "what's with all the wiggling?",
                "you're flipping around like crazy", "you're bouncing off the glass",
            ),
            "news": (
                "i've got some big news", "you'll never believe what happened",
                "guess what happened today!", "we're having a party tonight",
                "something big is happening tomorrow", "i can't wait to tell you something",
            ),
        },
        intents=(
            Intent("looking_forward", (
                "are you looking forward to {event}?", "i can't wait for {event}",
                "are you {excited} for {event}?", "i'm so {excited} for {event}",
                "not long until {event}!", "are you as {excited} as me?",
                "counting down to {event}!",
            )),
            Intent("user_excited", (
                "i'm so {excited}", "i'm {excited}, i can't sit still",
                "i'm bouncing off the walls", "i'm buzzing right now", "i'm literally shaking",
                "i'm {excited} and i had to tell someone",
            )),
        ),
        words={
            "excited": ("hyped", "stoked", "wired", "fizzy", "hyped up"),
            "treat": ("a little something", "a goodie", "a fun thing"),
            "event": (
                "the weekend", "your birthday", "christmas", "the holidays", "the party",
                "tomorrow", "the big day", "the new tank",
            ),
        },
        contexts=(
            "i just got the best news.", "the big day is almost here.",
            "i've been counting down the days.",
        ),
    ),
    "bored": More(
        frames={
            "are_you_bored": (
                "bored yet?", "{bored} in there?", "you seem {bored}",
                "how are you not {bored} yet?", "do you get bored of the same view?",
                "don't you get sick of the same four walls?",
            ),
            "tank_dull": (
                "same thing every day, isn't it?", "there's not much to do in there, is there?",
                "what is there even to do in there?", "nothing ever happens in there, right?",
                "your life looks {dull}", "must be {dull} in a tank",
            ),
            "what_when_bored": (
                "how do you kill time?", "what do you do for fun?",
                "how do you keep busy in there?", "how do you stay entertained?",
                "what do you do when there's nothing to do?",
            ),
            "fun_ideas": (
                "want me to rearrange your tank?", "want something new to look at?",
                "shall we play?", "want to play chase with my finger?",
                "let's play a game, {pet_name}", "how can i make tank life more fun?",
            ),
        },
        intents=(
            Intent("user_bored", (
                "i'm so {bored}", "i'm {bored}, entertain me", "i have nothing to do",
                "this day is dragging", "i'm bored, talk to me", "cure my boredom, {pet_name}",
                "i need something to do", "today is {dull}",
            )),
            Intent("play_time", (
                "do fish play?", "do you like to play?", "what games do fish play?",
                "do you have any toys in there?", "do you have a favourite toy?",
                "can fish play games?", "what do you play with in there?",
            )),
        ),
        words={
            "bored": ("bored to death", "bored to tears", "bored silly"),
            "dull": ("pretty boring", "super boring", "really dull", "dead boring", "mind numbing"),
        },
        contexts=(
            "nothing's happening today.", "it's been the same all week.", "it's a slow sunday.",
        ),
    ),
    "curious": More(
        frames={
            "what_looking": (
                "what's caught your eye?", "what's so interesting?", "what's got your attention?",
                "what do you see over there?", "did something catch your eye?",
                "what are you nosing around at?",
            ),
            "wondering": (
                "what goes on in that little head?", "what are you pondering?",
                "got something on your mind?", "are you thinking about something?",
                "you look deep in thought", "what's ticking away in your head?",
            ),
            "explorer": (
                "are you an explorer?", "do you poke around a lot?",
                "have you explored every corner?", "what's your favourite place to explore?",
                "you're such a nosy little fish", "where haven't you been yet?",
            ),
            "new_thing": (
                "look what i put in there", "do you like the new {tank_object}?",
                "go check out the new {tank_object}", "what do you make of the new {tank_object}?",
                "did you notice anything different?", "can you find the new thing?",
            ),
        },
        intents=(
            Intent("your_questions", (
                "what do you want to know?", "do you have any questions for me?",
                "is there anything you want to ask me?", "what are you curious about?",
                "what do you wonder about most?", "what's the biggest mystery to you?",
                "ask me anything, {pet_name}",
            )),
            Intent("watching_me", (
                "why are you following my finger?", "are you watching me?",
                "why do you follow me around?", "why are you looking at me like that?",
                "do you like watching me?", "what do you think i'm doing?",
            )),
        ),
        words={
            "look_at": ("gazing at", "studying", "inspecting"),
        },
        contexts=(
            "you keep peeking out.", "you swam straight over.", "you look so interested.",
        ),
    ),
    "tired": More(
        frames={
            "are_you_tired": (
                "feeling {tired}?", "{tired} today?", "you look like you need a rest",
                "are you low on energy?", "why do you look so {tired}?", "long day for you too?",
                "you look {tired} in there",
            ),
            "slow": (
                "you're not very zippy today", "not much zoom in you today",
                "why are you just floating there?", "you've barely moved",
                "you're taking it easy today", "no energy today?", "you're so slow, are you okay?",
            ),
            "fish_tired": (
                "can fish get {tired}?", "do you get {tired} after swimming?",
                "does swimming make you {tired}?", "how do fish get their energy back?",
                "what do you do to recharge?",
            ),
        },
        intents=(
            Intent("rest_offer", (
                "you should have a rest", "take a break, {pet_name}", "go and have a little rest",
                "why don't you rest for a bit?", "put your fins up and relax",
                "have a breather, {pet_name}", "no more laps, rest now",
            )),
            Intent("user_tired", (
                "i'm {tired} after work", "i'm dead on my feet", "i'm running on empty today",
                "i can barely keep my eyes open", "i need a coffee", "i've been up since five",
                "i'm {tired}, long day", "i'm so {tired} today",
            )),
        ),
        words={
            "tired": ("wiped out", "shattered", "pooped", "zonked", "drained", "tuckered out"),
        },
        contexts=(
            "you've been doing laps for ages.", "you're floating a lot today.",
            "it was a busy day in the tank.",
        ),
    ),
    "sleep": More(
        frames={
            "do_fish_sleep": (
                "do you ever actually {sleep_verb}?", "how many hours a night do you sleep?",
                "can fish {sleep_verb}?", "do you {sleep_verb} in the day?",
                "do you {sleep_verb} on the bottom?", "where's your bed?", "do you have a bed?",
                "do you lie down to sleep?",
            ),
            "eyes": (
                "are your eyes open when you sleep?", "is it weird sleeping with your eyes open?",
                "how can i tell if you're asleep?", "you don't blink, do you?",
                "how do you sleep with the light on?",
            ),
            "slept_well": (
                "sleep okay?", "did you get enough sleep?", "did you sleep through the night?",
                "you're up early, did you sleep?", "did you sleep at all?",
                "did you have a rough night?",
            ),
            "bedtime": (
                "time to {sleep_verb}, {pet_name}", "you should get some sleep",
                "off to sleep you go", "go to sleep, {pet_name}", "do you have a bedtime?",
                "when's your bedtime?", "it's way past your bedtime",
            ),
        },
        intents=(
            Intent("user_sleep", (
                "i couldn't sleep last night", "i slept terribly", "i need a nap",
                "i slept like a log", "i overslept", "i'm going to have a nap",
                "i slept for ten hours", "i'm going to bed early tonight",
            )),
            Intent("napping_now", (
                "are you napping?", "are you asleep?", "wake up, {pet_name}!",
                "are you having a snooze?", "psst, are you sleeping?", "wakey wakey, sleepyhead",
                "are you asleep right now?",
            )),
        ),
        words={
            "sleep_verb": ("kip",),
            "slept": ("kip",),
        },
        contexts=(
            "you're hovering very still.", "it's nearly bedtime.", "you look half asleep.",
        ),
    ),
    "night": More(
        frames={
            "what_at_night": (
                "what are you up to {night_time}?", "do you move around {night_time}?",
                "what goes on in the tank {night_time}?", "are you busy {night_time}?",
                "is it quiet {night_time}?", "do you get up to anything {night_time}?",
            ),
            "dark_tank": (
                "how dark does it get in there?", "can you see anything in the dark?",
                "does the dark bother you?", "is it pitch black in there?",
                "are you okay in the pitch black?", "can fish see at night?",
            ),
            "lights_out": (
                "night time, {pet_name}", "it's getting dark now", "the sun's gone down",
                "it's dark outside now", "the day's over, it's night",
                "i'm shutting the curtains for the night",
            ),
            "night_sounds": (
                "can you see the stars?", "is the moon out for you?", "what do you see at night?",
                "do you hear me come down at night?", "is the night light too bright?",
                "do you want the night light on?",
            ),
        },
        intents=(
            Intent("night_owl", (
                "are you a night owl?", "are you a night fish?", "do you prefer day or night?",
                "are you more of a morning fish?", "do you like staying up late?",
                "are you up all night?", "do you party all night?",
            )),
            Intent("midnight_visit", (
                "why are you up so late?", "what are you doing up at this hour?",
                "it's three in the morning, why are you awake?", "you're still up?",
                "can't you sleep either?", "sorry, i know it's late",
            )),
        ),
        words={
            "night_time": (
                "at bedtime", "in the middle of the night", "at midnight", "after i go to bed",
                "when it's dark",
            ),
        },
        contexts=(
            "it's past midnight.", "the moon is out.", "everything's dark.", "i'm in my pyjamas.",
        ),
    ),
    "dreams": More(
        frames={
            "do_you_dream": (
                "can you {dream_verb}?", "do you {dream_verb} when you sleep?",
                "does a fish brain {dream_verb}?", "is it true fish {dream_verb}?",
                "how do fish {dream_verb}?", "do you {dream_verb} like me?",
                "do you ever {dream_verb}?",
            ),
            "what_dream": (
                "what was your dream about?", "what did you dream about last night?",
                "any good dreams?", "dream about anything fun?", "what do you see in your dreams?",
                "tell me a dream you had",
            ),
            "i_dreamed": (
                "i had the strangest dream", "i dreamt i was a fish", "i dreamt we swam together",
                "last night i had {dream}", "you were in my dream last night",
                "i dreamt i could breathe underwater",
            ),
            "dream_kind": (
                "do you dream about swimming?", "do you dream about being free?",
                "do you dream about other fish?", "are your dreams underwater?",
                "do you dream in black and white?", "do you ever dream you can fly?",
            ),
        },
        intents=(
            Intent("dream_wish", (
                "what's your biggest dream?", "what's your dream in life?",
                "what would be your dream come true?",
                "do you have a dream you want to come true?",
                "what do you dream of doing one day?", "if dreams came true, what would yours be?",
            )),
            Intent("twitching", (
                "you were twitching in your sleep", "were you dreaming just now?",
                "were you having a dream?", "you wiggled in your sleep",
                "you looked like you were dreaming", "what were you dreaming about just now?",
            )),
        ),
        words={
            "dream": ("a bad dream", "a scary dream", "a good dream", "a crazy dream"),
            "dream_verb": ("have nightmares",),
        },
        contexts=(
            "dreams are so strange.", "i remember my dream for once.", "my dream felt so real.",
        ),
    ),
    "temp_hot": More(
        frames={
            "too_hot": (
                "is the water getting too warm?", "hot in there?", "are you feeling the heat?",
                "can you handle the heat?", "how hot is it in there?",
                "you're not cooking in there, are you?",
            ),
            "heat_outside": (
                "it's a scorcher today", "i'm sweating buckets", "it's boiling out there",
                "we're in a heatwave", "i can't cope with this heat", "it's so muggy today",
                "it's {hot_like} in this house",
            ),
            "cool_down": (
                "want some cooler water?", "should i put a fan on your tank?",
                "should i close the curtains to keep you cool?", "do you want an ice cube?",
                "how do you keep cool in there?",
            ),
            "heater_high": (
                "should i turn the heater off?", "the thermometer says {temp_high}",
                "is {temp_high} too hot for you?", "the heater's been on all day",
                "i set the heater too high", "the heater feels really hot",
            ),
        },
        intents=(
            Intent("fish_heat", (
                "how hot is too hot for a fish?", "how warm do you like your water?",
                "do fish like warm water?", "can fish get too hot?",
                "what happens if you get too hot?", "do fish sweat?",
                "do you like it warm or hot?",
            )),
            Intent("sun_on_tank", (
                "the sun is beating down on your tank", "your tank is in the sun",
                "the sun's been on the tank all day", "is the sun heating your water up?",
                "the window is letting the heat in", "your tank's in direct sunlight",
            )),
        ),
        words={
            "hot": ("boiling", "boiling hot", "baking hot", "way too warm", "a bit warm"),
            "hot_like": ("like a furnace", "like a jacuzzi", "like the tropics", "like a kettle"),
            "temp_high": (
                "thirty degrees", "thirty two degrees", "twenty nine degrees",
                "eighty five degrees", "ninety degrees",
            ),
        },
        contexts=(
            "the air con is broken.", "i'm in shorts and still sweating.",
            "the fan isn't helping.",
        ),
    ),
    "temp_cold": More(
        frames={
            "too_cold": (
                "is it {cold_like} in there?", "is your water {cold_like}?", "cold in there?",
                "chilly in there, {pet_name}?", "are your fins cold?", "do you need warming up?",
                "is the water too cold for you?", "are you freezing your fins off?",
                "you must be {cold} in there",
            ),
            "cold_outside": (
                "it's {cold_like} in this house", "it's minus five outside", "the pipes froze",
                "brr, it's {cold} today", "my hands are like ice", "there's ice on the car",
                "i'm freezing", "it's {cold_slang} out there", "it's {cold_slang} in here",
            ),
            "heater_broke": (
                "the heater's light went off", "the heater's gone cold", "i think the heater died",
                "the heater won't turn on", "the boiler broke", "we had a power cut",
                "i forgot to plug the heater in",
            ),
            "warm_up": (
                "want me to put the heater on?", "should i wrap your tank in a towel?",
                "do you want me to warm the water?", "how warm should i make it?",
                "shall i move you near the radiator?", "what do you do when it's {cold}?",
            ),
        },
        intents=(
            Intent("fish_cold", (
                "do fish get cold?", "do fish feel the cold?", "how cold is too cold for a fish?",
                "what happens if you get too cold?", "do fish freeze?", "can fish survive in ice?",
                "do you like cold water?",
            )),
            Intent("water_temp", (
                "the thermometer says {temp_low}", "is {temp_low} too cold for you?",
                "your water is only {temp_low}", "the tank dropped to {temp_low}",
                "the water temperature dropped", "the water feels colder than usual",
            )),
        ),
        words={
            "cold": ("a bit cold", "a bit chilly", "ice cold"),
            "cold_slang": ("baltic", "perishing", "bitter", "arctic"),
            "cold_like": (
                "like ice", "like a fridge", "like an ice bath", "like the arctic",
                "like a freezer",
            ),
            "temp_low": (
                "eighteen degrees", "fifteen degrees", "sixteen degrees", "twenty degrees",
                "sixty degrees",
            ),
        },
        contexts=(
            "there's frost on the car.", "the radiator's stone cold.", "i can't feel my fingers.",
            "it's minus two today.",
        ),
    ),
    "food": More(
        frames={
            "hungry": (
                "you must be {hungry} by now", "i bet you're {hungry}", "{hungry} again?",
                "is someone {hungry}?", "how come you're always {hungry}?",
                "why are you begging at the top?", "are you {hungry} or just greedy?",
                "do you ever stop being hungry?", "you look like you want food",
            ),
            "offer": (
                "fancy some {food}?", "who wants {food}?", "would you like some {food}?",
                "grub's up!", "let me {feed_verb}",
            ),
            "favourite": (
                "what's your favourite snack?", "do you prefer {food} or {food2}?",
                "i think you love {food} the most", "what food makes you happiest?",
                "if you could only eat one food, what?", "are {food} your favourite?",
                "what would you pick for a birthday dinner?",
            ),
            "did_you_eat": (
                "have you had {meal} yet?", "did {feeder} feed you?", "have you eaten yet?",
                "did you get any food today?", "i forgot to feed you this morning",
                "i think i already fed you", "did you get your {food}?",
            ),
        },
        intents=(
            Intent("how_much", (
                "am i feeding you too much?", "how much food do you need?", "are you full yet?",
                "is your belly full?", "you ate that so fast!", "how many {food} can you eat?",
                "can fish eat too much?", "you're getting a bit round",
                "that's enough food for now",
            )),
            Intent("people_food", (
                "can you eat {people_food}?", "want a bit of my {people_food}?",
                "do fish eat {people_food}?", "i'm having {people_food} for dinner",
                "would you like to try {people_food}?", "can i share my {people_food} with you?",
                "i'm eating {people_food}, want some?",
            )),
            Intent("schedule", (
                "how often should i feed you?", "when is your dinner time?",
                "how many times a day do you eat?", "is it too early for food?",
                "no more food till later", "you've had your food for today",
                "who will feed you while i'm away?", "should i feed you twice a day?",
            )),
        ),
        words={
            "hungry": ("hangry", "ravenous", "a bit hungry", "snacky"),
            "feed_verb": ("drop some food in", "give you a snack", "chuck some food in"),
            "meal": ("your dinner", "some grub", "a bite"),
            "feeder": (
                "my mum", "my dad", "my brother", "my sister", "my flatmate", "anyone", "someone",
            ),
            "people_food": (
                "pizza", "toast", "chips", "cheese", "bread", "pasta", "crisps", "cereal", "rice",
                "popcorn", "noodles", "chocolate",
            ),
        },
        contexts=(
            "the food tub is nearly empty.", "you're nosing at the top again.",
            "i just got back from the shops.",
        ),
    ),
    "taste": More(
        frames={
            "taste_like": (
                "do {food} taste of anything?", "what flavour are {food}?",
                "are {food} sweet or salty?", "i wonder what {food} taste like",
                "tell me what {food} taste like", "what's the flavour of {food} like?",
            ),
            "can_taste": (
                "do fish even taste stuff?", "can you tell flavours apart?",
                "does everything taste like water to you?", "where are your taste buds?",
                "can you taste with your lips?", "do you taste with your mouth?",
                "is your sense of taste any good?",
            ),
            "best_worst": (
                "what's the yummiest thing you've had?", "what's the worst thing you've tasted?",
                "have you ever spat something out?", "what tastes disgusting to you?",
                "best thing you've ever tasted?", "what would you never taste again?",
            ),
            "try_food": (
                "have a taste of this", "give this a taste", "tell me if you like the taste",
                "i got you a new flavour", "does the new food taste weird?",
                "how's the new flavour?", "do you like the new taste?",
            ),
        },
        intents=(
            Intent("water_taste", (
                "does the water taste funny?", "does your water taste salty?",
                "what does tap water taste like to you?", "can you taste the medicine?",
                "does the water taste clean?", "can you taste the plants in the water?",
                "does the water taste different today?",
            )),
            Intent("my_taste", (
                "i love {flavour} food", "my favourite taste is {flavour}",
                "do you like {flavour} things?", "i'm eating something really {flavour}",
                "would you like {flavour} food?", "what do you think {flavour} tastes like?",
                "i can't stand {flavour} stuff",
            )),
        ),
        words={
            "tasty": ("yucky", "bland", "fishy", "nasty", "moreish", "bitter"),
            "flavour": ("sweet", "salty", "sour", "spicy", "bitter", "savoury", "tangy"),
        },
        contexts=(
            "i'm eating a lemon.", "you spat out your food again.", "i made soup.",
        ),
    ),
    "light": More(
        frames={
            "do_you_like": (
                "how do you feel about {lamp}?", "is {lamp} hurting your eyes?",
                "too bright in there?", "do you like it {bright}?", "is the light okay for you?",
                "what do you think of {lamp}?", "do you even notice {lamp}?",
                "do your eyes hurt in the light?",
            ),
            "switching": (
                "lights on or off?", "shall i {switch} {lamp}?", "i forgot to {switch} {lamp}",
                "oops, i left {lamp} on all night", "can i {switch} {lamp}?",
                "do you want {lamp} on or off?", "i'll {switch} {lamp} in a minute",
            ),
            "sunlight": (
                "the sun is shining on your tank", "do you like sunbeams?",
                "can you see the sunlight?", "the curtains are open, see the sun?",
                "you're sparkling in the sun", "does the sunlight make you glow?",
                "look at the light dancing on the gravel",
            ),
        },
        intents=(
            Intent("light_hours", (
                "how many hours of light do you need?", "should your light be on all day?",
                "i got a timer for your light", "is the light on too long?",
                "when should your light come on?", "do you need light to see?",
                "the light goes off by itself now",
            )),
            Intent("new_light", (
                "i got you a {light_colour} light", "do you like the {light_colour} light?",
                "should i make your light {light_colour}?", "your new light changes colour",
                "the new bulb is so bright", "i swapped the bulb for a softer one",
                "which is better, white light or {light_colour}?",
            )),
        ),
        words={
            "lamp": ("the tank light", "the ceiling light", "the bulb", "the light above you"),
            "bright": ("too dark", "gloomy", "dim", "blinding", "harsh"),
            "switch": ("dim", "turn down", "turn up", "flick on", "flick off"),
            "light_colour": ("blue", "pink", "purple", "warm", "green", "red"),
        },
        contexts=(
            "the sun is streaming in.", "i changed the bulb.", "it's really bright in here today.",
        ),
    ),
    "water": More(
        frames={
            "how_water": (
                "water alright?", "how's the water feeling?", "how's the water treating you?",
                "everything okay with the water?", "what's the water like today?",
                "good water today?", "is the water {water_ok} in there?",
            ),
            "wet": (
                "do you get tired of being wet?", "do fish even know they're wet?",
                "what does wet feel like?", "i hate being wet", "don't you get all wrinkly?",
                "doesn't all that water get boring?", "being wet all day sounds awful",
            ),
            "leave_water": (
                "what would happen if you left the water?", "could you walk on land?",
                "can fish live on land?", "do you want to come out and play?",
                "would you like to try being dry?", "ever wanted to leave the water?",
                "what if you jumped out of the tank?",
            ),
            "water_looks": (
                "your water's gone a bit {murky}", "why is the water {murky}?",
                "is it me or is the water {murky}?", "the water is looking {murky}",
                "the water looks {water_ok} today", "i think your water is {water_ok}",
            ),
            "depth": (
                "do you like your water {murky}?", "is there enough water for you?",
                "the water level looks low", "how much water is in there?",
                "is your water deep enough?", "does the water feel heavy?",
                "does the water feel thick?",
            ),
        },
        intents=(
            Intent("kind_of_water", (
                "is your water from the tap?", "what kind of water do you like?",
                "is your water fresh or salty?", "do you like tap water?",
                "would you like rain water?", "is bottled water better for you?",
                "should your water be salty?",
            )),
            Intent("drinking", (
                "do you drink the water?", "do fish get thirsty?", "are you ever thirsty?",
                "how do you drink?", "do fish drink water?", "is the water your drink too?",
                "i'm having a drink of water too", "do you drink all day long?",
            )),
        ),
        words={
            "water_ok": ("murky", "manky", "crystal clear", "fine", "grubby"),
            "murky": ("cloudy", "murky", "grubby", "smelly", "manky", "mucky", "green", "yellow"),
        },
        contexts=(
            "the tank looks a bit cloudy.", "i just had a bath.", "i checked the water level.",
        ),
    ),
    "tank": More(
        frames={
            "like_home": (
                "how do you like your {home}?", "do you feel at home in there?",
                "is your {home} comfy?", "your {home} looks great",
                "i think your {home} is lovely", "what do you think of your {home}?",
                "would you change anything in your {home}?", "rate your {home} out of ten",
            ),
            "size": (
                "how big is your {home}?", "do you feel squashed in there?",
                "i'm saving up for a bigger {home}", "is there enough room to swim?",
                "do you wish your {home} was bigger?", "your {home} looks {big}",
                "i saw a huge tank at the shop",
            ),
            "favourite_spot": (
                "where do you spend most of your time?", "which corner is yours?",
                "what's the comfiest spot in there?", "do you have a secret hiding place?",
                "where do you go to chill?", "i always see you by the {tank_object}",
                "is the {tank_object} your favourite bit?",
            ),
            "decorate": (
                "want me to move the {tank_object}?", "how about {new_deco}?",
                "i'm buying you {new_deco}", "would you like {new_deco}?",
                "what's missing from your {home}?", "should i redo your {home}?",
            ),
        },
        intents=(
            Intent("new_layout", (
                "do you like the new layout?", "i rearranged everything in there",
                "does your {home} feel different?", "did you notice i moved things?",
                "can you find your way around now?", "is the new setup okay?",
                "i changed your {home} around", "what do you think of the new look?",
            )),
            Intent("lid", (
                "why is there a lid on your tank?", "do you ever try to jump out?",
                "does the lid bother you?", "don't jump out of the tank!",
                "i left the lid off by mistake", "can you see out of the top?",
            )),
        ),
        words={
            "home": ("fish tank", "crib", "pad"),
            "big": ("the right size", "too cramped", "a bit small"),
            "new_deco": (
                "a castle", "a little bridge", "a treasure chest", "a sunken ship",
                "some new rocks", "a stone arch", "a pineapple house", "some driftwood",
                "a little cave",
            ),
        },
        contexts=(
            "i'm looking at your tank.", "i just dusted the top of the tank.",
            "my friend has a huge fish tank.",
        ),
    ),
    "filter": More(
        frames={
            "what_is": (
                "what's that box in the corner?", "what's the thing sucking up water?",
                "why do you have {filter}?", "is {filter} a machine?", "how does {filter} work?",
                "what's {filter} doing?", "does {filter} clean your water?",
                "what's the tube thing for?",
            ),
            "too_much": (
                "is the flow too strong?", "you're getting blown around",
                "are you fighting the current?", "should i turn the flow down?",
                "{filter} is really going for it", "is the current too much for you?",
            ),
            "like_filter": (
                "do you like the current?", "do you ride the current?", "is the current fun?",
                "do you play near {filter}?", "what do you think of {filter}?",
                "are you friends with {filter}?", "do you sleep by {filter}?",
            ),
            "broken_filter": (
                "{filter} went quiet", "{filter} is broken, i think", "{filter} is gurgling",
                "i'm fixing {filter}", "the water isn't moving", "{filter} keeps stopping",
                "{filter} is sucking air", "did {filter} break?",
            ),
        },
        intents=(
            Intent("filter_clean", (
                "{filter} is full of gunk", "should i clean {filter}?",
                "how often should i clean {filter}?", "the filter sponge is filthy",
                "i rinsed the sponge in tank water", "i swapped the filter pad",
                "{filter} smells awful", "i took {filter} apart to clean it",
            )),
            Intent("new_filter", (
                "i got you a new filter", "do you like the new filter?",
                "is the new filter better?", "the new filter is so quiet",
                "should i get a quieter filter?", "the old filter was too {loud}",
                "the new filter has more flow",
            )),
        ),
        words={
            "filter": ("your filter", "the pump", "the water pump", "that filter"),
            "loud": ("rough", "clunky", "buzzy"),
        },
        contexts=(
            "i can hear the tank humming.", "the pump is gurgling.",
            "there's a lot of current in there.",
        ),
    ),
    "bubbles": More(
        frames={
            "where_from": (
                "why is the water so fizzy?", "where are the {bubbles} coming from?",
                "what's making those {bubbles}?", "are the {bubbles} from the filter?",
                "how come there are {bubbles}?", "who's making all these {bubbles}?",
                "are the {bubbles} just air?",
            ),
            "like_bubbles": (
                "are {bubbles} fun?", "do you like swimming through the {bubbles}?",
                "what do you think of the {bubbles}?", "do you pop the {bubbles}?",
                "do the {bubbles} make you happy?", "you love those {bubbles}",
            ),
            "blow": (
                "how do you make {bubbles}?", "blow me a bubble!", "i saw you blow {bubbles}",
                "you blew a bubble!", "can you make a big bubble?",
                "do you blow {bubbles} when you're happy?",
            ),
            "bubble_stone": (
                "should i turn the air pump up?", "do you like the air stone?",
                "want me to add more bubbles?", "the bubble stone stopped working",
                "should i get a bubble wall?", "are the bubbles good for you?",
                "do you sit in the bubble stream?",
            ),
        },
        intents=(
            Intent("bubble_nest", (
                "is that a bubble nest?", "what's that foam at the top?",
                "why are there bubbles on the surface?", "did you make that bubble nest?",
                "what's the pile of bubbles up top for?", "there's a raft of bubbles up top",
                "who made all the froth at the top?",
            )),
            Intent("my_bubbles", (
                "i'm blowing bubbles in my drink", "i blew bubbles in the bath",
                "i made a giant soap bubble", "can you blow bubbles like me?",
                "i'm better at bubbles than you", "i got a bubble wand",
                "want to see me blow a bubble?",
            )),
        ),
        words={
            "bubbles": ("tiny bubbles", "big bubbles", "bubble trails"),
        },
        contexts=(
            "the air pump is going.", "there's a trail of bubbles.", "the water is all fizzy.",
        ),
    ),
    "glass": More(
        frames={
            "see_through": (
                "is {wall} clear from your side?", "do i look blurry through {wall}?",
                "can you see out?", "is everything wobbly through {wall}?",
                "does {wall} make me look big?", "can you see me waving through {wall}?",
                "what's it like looking out?",
            ),
            "know_glass": (
                "do you know {wall} is there?", "do you think {wall} is water?",
                "what did you think {wall} was?", "does {wall} confuse you?", "is {wall} hard?",
                "have you figured out {wall} yet?",
            ),
            "bump": (
                "you swam right into {wall}!", "why do you go up and down {wall}?",
                "are you pacing along {wall}?", "why do you nose {wall}?",
                "do you keep headbutting {wall}?", "you bonked {wall} again",
                "careful, {wall} is right there",
            ),
            "smudges": (
                "{wall} is all smeary", "i'll wipe {wall} for you",
                "{wall} is covered in nose prints", "can you see through all the smudges?",
                "{wall} needs a clean", "my sister left handprints on {wall}",
            ),
        },
        intents=(
            Intent("hand_on_glass", (
                "i'm putting my hand on {wall}", "swim to my finger on {wall}",
                "follow my finger along {wall}", "can you feel my hand on {wall}?",
                "give me a high five through {wall}", "come and touch my finger",
                "boop, my nose is on {wall}",
            )),
            Intent("strong_glass", (
                "is {wall} strong?", "could {wall} ever break?", "what if {wall} cracked?",
                "i worry {wall} might leak", "there's a tiny scratch on {wall}",
                "is {wall} thick enough?", "how thick is {wall}?",
            )),
        ),
        words={
            "wall": ("the tank wall", "the front of the tank", "your glass"),
        },
        contexts=(
            "i'm sitting right in front of your tank.", "my face is right by the glass.",
            "the glass is all shiny.",
        ),
    ),
    "reflection": More(
        frames={
            "who_is": (
                "who's {other_fish}?", "what's {other_fish} called?", "is {other_fish} nice?",
                "do you talk to {other_fish}?", "does {other_fish} ever leave?",
                "are you scared of {other_fish}?", "did you give {other_fish} a name?",
            ),
            "yourself": (
                "silly, that's you in the glass", "do you think that's another fish?",
                "that fish is you, you know", "can you tell that's you?",
                "silly, you're looking at yourself", "i don't think you know that's you",
            ),
            "staring": (
                "why are you flaring at yourself?", "are you checking yourself out?",
                "you love looking at yourself", "stop posing for yourself",
                "do you think you look good?", "you've been staring at yourself all day",
                "why do you puff up at your reflection?",
            ),
            "two_of_you": (
                "i see two fish now", "there's a copy of you on the side",
                "you have a twin in the glass!", "look, it's another you",
                "which one is the real you?", "your double is copying you",
            ),
        },
        intents=(
            Intent("mirror", (
                "i'm holding a mirror up to you", "want to see yourself in my mirror?",
                "do you know what you look like?", "have you ever seen your own face?",
                "should i put a mirror in your tank?", "what do you see in the mirror?",
                "i was looking in the mirror too",
            )),
            Intent("surface_mirror", (
                "can you see yourself on the surface?", "the top of the water is like a mirror",
                "there's an upside down fish at the top!", "do you see a fish on the ceiling?",
                "is that you reflected at the top?", "the surface is shiny like a mirror",
            )),
        ),
        words={
            "other_fish": ("the fish in the mirror", "your reflection", "the copycat fish"),
        },
        contexts=(
            "the glass is really shiny tonight.", "you're face to face with yourself.",
            "i'm looking in the mirror.",
        ),
    ),
    "breathing": More(
        frames={
            "how_breathe": (
                "do fish need air like us?", "how does breathing work for you?",
                "do you breathe through your mouth?", "how come you don't drown?",
                "why don't you need to come up for air?", "do you breathe water?",
                "can you breathe air at all?", "how do you {breathe} without lungs?",
            ),
            "gills": (
                "what are those flappy things?", "your gills are moving so fast",
                "are your gills okay?", "why are your gills so red?", "what do your gills do?",
                "i wish i had gills", "do humans have gills?",
            ),
            "gulping": (
                "why do you keep going up for air?", "you're gulping at the top again",
                "why are you kissing the surface?", "is there enough oxygen in there?",
                "are you short of air?", "do you need an air pump?",
            ),
            "air_in_water": (
                "how do you get air from water?", "is water full of air?",
                "can you hold your breath like me?", "how long can you hold your breath?",
                "i can hold my breath for a minute", "do you ever feel out of breath?",
            ),
        },
        intents=(
            Intent("my_breath", (
                "i can't breathe underwater", "i wish i could breathe underwater",
                "i'd drown in your tank", "i need a snorkel to breathe in water",
                "i went snorkelling once", "humans breathe air, you know",
                "i breathe with my lungs", "i'd need a tank of air to visit you",
            )),
            Intent("fish_yawn", (
                "do fish yawn?", "did you just yawn?", "can fish sneeze?", "do fish get hiccups?",
                "can fish cough?", "do you ever sigh?", "did you just burp a bubble?",
            )),
        ),
        words={
            "breathe": ("get enough air", "breathe properly"),
        },
        contexts=(
            "i've been doing breathing exercises.", "i just came up from the pool.",
            "you're gulping a lot today.",
        ),
    ),
    "swimming": More(
        frames={
            "how_fast": (
                "do you have a top speed?", "bet you can't catch me",
                "who'd win a race, you or a shark?", "you're so {fast}!",
                "are you the {fastest} in the tank?", "can you go any faster?",
                "how fast do fish swim?", "you're a little rocket",
            ),
            "like_swim": (
                "do you enjoy swimming?", "is swimming fun?", "do you ever just float?",
                "does swimming feel nice?", "why do you keep swimming?",
                "do you have to keep swimming?", "do you ever take a break from swimming?",
            ),
            "watch_swim": (
                "you're zooming about today", "look at you go!", "where are you off to?",
                "slow down, where's the fire?", "go on, swim around the {tank_object}!",
                "swim over here!", "i love watching you swim",
            ),
            "swim_tricks": (
                "can you swim sideways?", "can you do a backflip?", "show me a trick",
                "can you swim in a figure eight?", "can you do a loop the loop?",
                "can you swim without moving your {fin}?", "can you hover in one spot?",
            ),
        },
        intents=(
            Intent("i_swim", (
                "i went for a swim today", "i'm learning to swim", "i can't swim very well",
                "i swam a few lengths at the pool", "can you teach me to swim?",
                "i'm better at swimming than you", "i swim like a brick",
                "i did backstroke at the pool",
            )),
            Intent("swim_how", (
                "how do you swim?", "do you swim with your {fin}?", "what do your fins do?",
                "how do you steer?", "how do you stop so quick?", "how do you swim up and down?",
                "how do you turn so fast?", "do you use your tail to swim?",
            )),
        ),
        words={
            "swim_verb": ("whizz", "dash", "scoot"),
            "fastest": ("fastest", "quickest", "speediest", "slowest", "best swimmer"),
        },
        contexts=(
            "i just got back from the pool.", "you've been zooming around.",
            "i'm watching you do laps.",
        ),
    ),
    "colours": More(
        frames={
            "your_colour": (
                "are you {colour}?", "you look really {colour} today",
                "your colours are so bright", "did you change colour?",
                "you look paler than usual", "what colour would you call yourself?",
                "are your scales {colour}?", "you're a proper rainbow",
            ),
            "favourite": (
                "if you could be any {shade}, which?", "what {shade} do you like best?",
                "pick a {shade}", "is {colour} your favourite?", "do you hate any colours?",
                "which {shade} makes you happy?", "my favourite {shade} is {colour}",
                "do you like {colour} more than {colour2}?",
            ),
            "see_colours": (
                "do fish see in black and white?", "what {shade} is the water?",
                "what {shade} is my shirt?", "can you tell {colour} from {colour2}?",
                "do colours look different underwater?", "is the world colourful in there?",
                "what's the brightest {shade} you can see?",
            ),
        },
        intents=(
            Intent("pick_colour", (
                "should i get {colour} gravel?", "what {shade} should i paint my room?",
                "help me pick a {shade}", "{colour} or {colour2} for my new bag?",
                "i dyed my hair {colour}", "i painted my nails {colour}", "does {colour} suit me?",
                "should the castle be {colour}?",
            )),
            Intent("rainbow", (
                "have you ever seen a rainbow?", "how many colours are in a rainbow?",
                "your scales shine like a rainbow", "is there a rainbow in the water?",
                "the light made a rainbow on your tank", "what's your favourite rainbow colour?",
            )),
        ),
        contexts=(
            "i'm colouring in a picture.", "i got a new pack of crayons.",
            "your scales are shimmering.",
        ),
    ),
    "plants": More(
        frames={
            "like_plants": (
                "are the {plants} comfy?", "do you sleep in the {plants}?",
                "what's your favourite plant?", "do you like swimming through the {plants}?",
                "do the {plants} tickle?", "is the {plant} your favourite?",
                "why are you always in the {plants}?",
                "do you play hide and seek in the {plants}?",
            ),
            "add_plants": (
                "how about some more {plants}?", "should i get you some {plants}?",
                "the {plants} need a trim", "i'm going to trim the {plant}",
                "more greenery for you!", "your tank needs more {plants}",
                "i'm planting something new for you",
            ),
            "eat_real": (
                "are you eating the {plants}?", "stop nibbling the {plants}",
                "why is the {plant} all chewed?", "are the {plants} fake?",
                "is the {plant} plastic?", "are you munching the {plant}?",
                "do the {plants} make oxygen?", "who's been chewing the leaves?",
            ),
        },
        intents=(
            Intent("plant_health", (
                "the {plant} is turning brown", "the {plants} are dying",
                "why is the {plant} melting?", "the {plant} has holes in it",
                "the {plant} is growing like mad", "is the {plant} too big now?",
                "the {plant} is sprouting", "the {plants} look a bit sad",
            )),
            Intent("my_plants", (
                "i love my house plants", "i water my plants every day",
                "i have a cactus on my desk", "i'm rubbish at keeping plants alive",
                "i grew a tomato plant", "my plants need watering, unlike yours",
                "do you want a plant friend?",
            )),
        ),
        words={
            "plants": ("live plants", "leafy plants", "tall plants", "aquarium plants"),
        },
        contexts=(
            "i'm holding a new plant.", "there are leaves floating at the top.",
            "the plants are swaying.",
        ),
    ),
    "algae": More(
        frames={
            "see_algae": (
                "the glass is all green", "there's {green_stuff} growing on the {tank_object}",
                "what's growing on the glass?", "why is your tank green?", "eww, {green_stuff}",
                "the {green_stuff} is back", "i can barely see you through the {green_stuff}",
                "look at all this {green_stuff}",
            ),
            "eat_algae": (
                "do you like {green_stuff}?", "are you eating the {green_stuff}?",
                "can fish eat {green_stuff}?", "is the {green_stuff} a snack for you?",
                "you're munching the {green_stuff} again", "does {green_stuff} fill you up?",
                "would you eat all the {green_stuff} for me?", "is {green_stuff} healthy?",
            ),
            "clean_algae": (
                "i'm going to scrub the {green_stuff} off",
                "how do i get rid of the {green_stuff}?", "can i clean the {green_stuff} now?",
                "time to scrape the glass", "the {green_stuff} needs to go",
                "should i leave a bit of {green_stuff}?", "is the {green_stuff} harmful?",
            ),
        },
        intents=(
            Intent("why_algae", (
                "what makes algae grow?", "why does the {green_stuff} keep coming back?",
                "is the sunlight making {green_stuff}?", "is it my fault the tank is green?",
                "does too much light cause {green_stuff}?", "why is the {green_stuff} spreading?",
                "how did {green_stuff} get in there?",
            )),
            Intent("algae_eaters", (
                "should i get an algae eater?", "would a pleco eat the {green_stuff}?",
                "are there fish that eat {green_stuff}?", "can shrimp clean up the {green_stuff}?",
                "i need a clean up crew for the {green_stuff}",
                "do you want help with the {green_stuff}?",
            )),
        ),
        words={
            "green_stuff": ("gunk", "green muck", "brown fuzz", "hair algae", "green goo"),
        },
        contexts=(
            "the glass has gone green.", "i can barely see in.", "i bought an algae scrubber.",
        ),
    ),
    "snails": More(
        frames={
            "like_snail": (
                "how do you feel about {snail}?", "are you and {snail} mates?",
                "do you play with {snail}?", "do you ever annoy {snail}?",
                "is {snail} a good tankmate?", "are you nice to {snail}?",
                "do you share food with {snail}?",
            ),
            "where_snail": (
                "i can't find {snail}", "have you seen {snail}?", "{snail} is stuck to the lid",
                "{snail} hasn't moved all day", "is {snail} asleep?", "{snail} is on the move",
            ),
            "snail_facts": (
                "do snails have teeth?", "how do snails move?", "can snails see?",
                "do snails sleep?", "are snails slimy?", "where do snails come from?",
                "why are snails so slow?", "are those eyes on its feelers?",
            ),
            "snail_habits": (
                "{snail} is munching the glass", "{snail} keeps climbing to the top",
                "{snail} is sliding down the glass", "{snail} came out of its shell",
                "{snail} is eating your food", "{snail} is all tucked in",
            ),
        },
        intents=(
            Intent("baby_snails", (
                "there are baby snails everywhere!", "where did all these snails come from?",
                "the snails are multiplying", "i found snail eggs on the glass",
                "how did we get so many snails?", "there's a tiny new snail",
                "the snail had babies!",
            )),
            Intent("snail_name", (
                "should we name the snail?", "what should we call the snail?",
                "i'm getting you a new snail", "want a snail friend?",
                "does the snail have a name?", "let's call the snail speedy",
            )),
        ),
        words={
            "snail": ("mister snail", "the slimy guy", "old shelly"),
        },
        contexts=(
            "there's a slimy trail on the glass.", "the snail's shell is so shiny.",
            "i've been reading about snails.",
        ),
    ),
    "glass_tapping": More(
        frames={
            "if_i_tap": (
                "what happens if i {tap} on the tank?", "i want to {tap} on the tank",
                "would it scare you if i {tap}?", "can you hear me when i {tap}?",
                "should i {tap} to say hi?", "does a little tap hurt?", "is tapping bad for fish?",
            ),
            "someone_tapped": (
                "{tapper} won't stop tapping the glass", "{tapper} thumped the tank, you okay?",
                "{tapper} was knocking on your glass", "i caught {tapper} tapping your tank",
                "{tapper} tapped the tank to wake you", "{tapper} thought tapping was funny",
            ),
            "swim_away": (
                "why did you dart off when i tapped?", "did my tapping scare you?",
                "you bolted when i knocked", "why do you hide when people tap?",
                "does tapping stress you out?", "i tapped and you vanished",
                "oops, i forgot not to tap",
            ),
            "tap_feel": (
                "how does a tap feel in there?", "is a tap like an earthquake for you?",
                "do you feel the taps in the water?", "why do people tap on fish tanks?",
                "what should people do instead of tapping?", "i put up a no tapping sign",
            ),
        },
        intents=(
            Intent("tap_to_call", (
                "i tapped to get your attention", "can i tap to call you over?",
                "i tapped so you'd come say hi", "do you come when i tap?",
                "i'll tap when it's food time", "is tapping how i call you?",
            )),
            Intent("tap_softly", (
                "i'll tap really gently", "what about a tiny tap?", "is a soft knock okay?",
                "i'll just tap with one finger", "can i tap very softly?", "is a gentle tap fine?",
            )),
        ),
        words={
            "tapper": (
                "my nephew", "my niece", "my dad", "my mate", "the neighbour's kid", "my flatmate",
            ),
        },
        contexts=(
            "my little cousin is visiting.", "someone has been at the glass.",
            "i heard knocking by the tank.",
        ),
    ),
    "noise": More(
        frames={
            "did_you_hear": (
                "what on earth was {noise}?", "{noise} made me jump, you too?",
                "did you feel {noise}?", "you heard {noise} too, right?",
                "was {noise} scary in there?", "did {noise} wake you?",
                "did you hear {noise_thing}?", "did {noise_thing} scare you?",
                "can you hear {noise_thing}?", "did {noise_thing} wake you?",
            ),
            "too_loud": (
                "can you handle all this noise?", "is the racket bothering you?",
                "the {noise_maker} is {loud} today", "do you mind all the noise?",
                "does the noise get into your tank?", "is all this banging too much?",
                "there's so much noise today",
            ),
            "can_hear": (
                "do fish have ears?", "can you hear sounds underwater?",
                "what does my voice sound like in there?", "how do you hear without ears?",
                "can you hear outside the tank?", "can you hear me when i whisper?",
                "are you good at hearing?",
            ),
            "quiet": (
                "is it peaceful in there?", "i love it when it's quiet", "do you prefer quiet?",
                "shh, let's be quiet", "i'll keep the noise down", "do you like silence?",
            ),
        },
        intents=(
            Intent("racket", (
                "the builders next door are drilling", "the neighbours are having a party",
                "there are roadworks outside", "someone is hammering upstairs",
                "the {noise_maker} is making a racket", "there's a fire alarm going off",
                "the neighbours are banging about",
            )),
            Intent("vibrations", (
                "can you feel the noise in the water?", "does the water shake when it's loud?",
                "do you feel sounds on your side?", "do loud noises make ripples?",
                "can you feel me stomping?", "does walking past shake the tank?",
            )),
        ),
        words={
            "noise": ("that boom", "that racket", "that screech", "that whine", "that beeping"),
            "noise_thing": (
                "the hoover", "the doorbell", "the smoke alarm", "the drilling", "the fireworks",
                "the car alarm", "the builders",
            ),
            "loud": ("really loud", "super loud"),
            "noise_maker": (
                "hoover", "washing machine", "dishwasher", "drill", "lawnmower", "blender",
                "traffic", "hairdryer",
            ),
        },
        contexts=(
            "the builders started early.", "it's so noisy today.", "the hoover is out.",
        ),
    ),
    "music": More(
        frames={
            "like_music": (
                "are you into music?", "do fish like music?", "what kind of tunes do you like?",
                "what do you think of {genre}?", "are you into {genre}?",
                "would you listen to {genre}?", "do you like loud music or soft music?",
                "what music would a fish like?",
            ),
            "playing": (
                "want some music on?", "i'll {play} some {genre} for you", "i made you a playlist",
                "this song is my favourite", "let's have some tunes", "can you feel the music?",
                "i'm going to turn the music up", "how's this song?",
            ),
            "dance": (
                "let's have a dance party", "can you wiggle to the music?", "do you bop along?",
                "i'm dancing in the kitchen", "look, i'm dancing!", "do you have rhythm?",
                "i saw you dance to that song",
            ),
            "instrument": (
                "i'll play you something on the {instrument}",
                "can you hear me practising the {instrument}?",
                "do you want to learn the {instrument}?", "i'm rubbish at the {instrument}",
                "should i play the {instrument} quieter?", "the {instrument} is so hard to play",
            ),
        },
        intents=(
            Intent("concert", (
                "i went to a concert last night", "i'm going to a gig tonight",
                "i saw my favourite band live", "the concert was so loud",
                "i got tickets to see a band", "have you ever been to a concert?",
            )),
            Intent("music_feel", (
                "does music make you happy?", "does music calm you down?",
                "does sad music make you sad?", "can music help fish relax?",
                "do you feel the beat?", "does the music tickle you?",
                "do you swim faster to {genre}?",
            )),
        ),
        words={
            "instrument": ("bass", "saxophone", "recorder", "cello", "harp"),
            "genre": ("jazz", "hip hop", "rap", "dance music", "punk", "soul", "sea shanties"),
            "play": ("turn on",),
        },
        contexts=(
            "i've got my headphones on.", "my favourite band has a new album.",
            "there's music playing downstairs.",
        ),
    ),
    "singing": More(
        frames={
            "can_you_sing": (
                "do you have a singing voice?", "have you ever sung?",
                "could you {sing} if you tried?", "what does fish singing sound like?",
                "do you {sing} to yourself?", "can you carry a tune?", "i bet you can {sing}",
            ),
            "sing_for_me": (
                "{sing} for me!", "go on, {sing} something", "i want to hear you {sing}",
                "please {sing} {tune}", "duet with me!", "let's do karaoke together",
            ),
            "i_sing": (
                "i'm in a choir", "listen to me {sing}", "i sang {tune} earlier",
                "do i sing well?", "i can't stop singing", "i sing to you every morning",
                "am i out of tune?",
            ),
            "sing_song": (
                "what would a fish song be about?", "make up a song for me",
                "what does your song sound like?", "do you have a theme song?",
                "write me a little song", "what are the words to your song?",
            ),
        },
        intents=(
            Intent("humming", (
                "i'm humming, can you hear it?", "i keep humming this tune",
                "can you guess what i'm humming?", "i hum when i'm happy",
                "do you like my humming?", "i've been humming all morning",
            )),
            Intent("voice", (
                "i'm taking singing lessons", "my voice cracked on the high note",
                "i lost my voice from singing", "my singing teacher says i'm flat",
                "i want to be a singer", "i sang a solo at the school concert",
                "can you hit the high notes?",
            )),
        ),
        words={
            "tune": ("a shanty", "a love song", "a silly song", "a nursery rhyme"),
        },
        contexts=(
            "i've had a song in my head all day.", "i just came back from choir.",
            "i'm warming up my voice.",
        ),
    ),
    "tv": More(
        frames={
            "watch": (
                "do you ever watch {tv} with me?", "have you ever seen {tv}?",
                "can you even see {tv}?", "what do fish think of {tv}?",
                "i bet you watch {tv} all day", "why do you stare at {tv}?",
                "you keep looking at {tv}",
            ),
            "whats_on": (
                "guess what's on {tv}", "i just put on {show}", "what should we watch tonight?",
                "fancy watching {show} with me?", "we're watching {show} later",
                "nothing good on {tv} tonight", "shall we watch something?",
            ),
            "fish_tv": (
                "you're more fun than {tv}", "who needs {tv} when i have you",
                "watching you is like watching {tv}", "i'd rather watch you than {tv}",
                "your tank is my favourite channel", "you're my favourite show",
                "forget {tv}, i'll watch you",
            ),
            "shows": (
                "what's your favourite show?", "do you have a favourite programme?",
                "would you watch a show about fish?", "do fish like nature documentaries?",
                "what would you watch if you could?", "i found a channel all about fish",
                "do you like the one with the sharks?",
            ),
        },
        intents=(
            Intent("binge", (
                "i've been watching {tv} all day", "i binged a whole series last night",
                "i stayed up late watching {show}", "i fell asleep in front of {tv}",
                "i've been glued to {tv} all evening", "my eyes hurt from {tv}",
                "i'm a total couch potato today", "i can't stop watching {show}",
                "i watched {show} twice today",
            )),
            Intent("tv_loud", (
                "is {tv} too loud for you?", "should i turn {tv} down?",
                "want me to turn {tv} off?", "does {tv} hurt your ears?",
                "i'll turn {tv} down for you", "can you hear {tv} in there?",
                "is the sound from {tv} annoying?", "the volume on {tv} is way up",
            )),
            Intent("fish_on_tv", (
                "there's a fish on {tv}!", "look, a fish on {tv}",
                "that fish on {tv} looks like you", "do you know the fish on {tv}?",
                "you could be on {tv}", "you should be a tv star", "want to be famous on {tv}?",
                "there's a shark on {tv} right now",
            )),
        ),
        words={
            "tv": ("the tv screen", "the big tv", "the screen"),
            "show": (
                "a movie", "a soap", "a reality show", "a baking show", "the footy",
                "a horror movie", "a sitcom", "the snooker", "a detective show", "the match",
                "a series",
            ),
        },
        contexts=(
            "i've got the remote.", "i've got popcorn.", "the tv is on in the background.",
            "i just signed up for netflix.",
        ),
    ),
    "outside": More(
        frames={
            "want_out": (
                "fancy a trip outside?", "want to come for a walk with me?",
                "would you like some fresh air?", "i could take you out in a bucket",
                "have you ever wanted to escape?", "how about a day out, {pet_name}?",
                "want to see what's out there?",
            ),
            "what_outside": (
                "do you know what's beyond your tank?", "do you wonder what's outside?",
                "what do you imagine {world} looks like?", "have you ever seen {world}?",
                "what's past the glass, do you think?", "do you know there's a world outside?",
                "what do you think of {world}?",
            ),
            "describe": (
                "i just got back in from outside", "there are {outs} everywhere out there",
                "i saw loads of {outs} outside", "it's full of {outs} out there",
                "it's busy outside today", "i spent all day outdoors", "you should see {world}",
            ),
            "window_view": (
                "do you see the {outs} outside?", "look out the window!",
                "want me to move you by the window?", "can you see the sky from there?",
                "the view from the window is nice", "what can you see out the window?",
                "i opened the curtains for you",
            ),
        },
        intents=(
            Intent("survive_outside", (
                "could you live outside the tank?", "what would happen if you went outside?",
                "you'd dry out out there", "could a fish live on land?",
                "you wouldn't last long outside", "would you miss the water outside?",
                "is it safer in there than out here?",
            )),
            Intent("inside_or_out", (
                "is your tank better than outside?", "would you swap your tank for outside?",
                "do you prefer your tank or outside?", "inside or outside, which is better?",
                "i think your tank beats outside", "outside is overrated, trust me",
                "do you think outside is better?",
            )),
        ),
        words={
            "world": (
                "the outside world", "the city", "the woods", "the countryside", "the shops",
                "the high street",
            ),
            "outs": (
                "trees", "cars", "clouds", "buses", "flowers", "houses", "street lights", "bikes",
                "leaves", "people",
            ),
        },
        contexts=(
            "the sun is shining.", "i just got back from the shops.", "i opened the curtains.",
            "i've been out all day.",
        ),
    ),
    "cats": More(
        frames={
            "like_cats": (
                "how do you feel about {cat}?", "what's your opinion on cats?",
                "do you hate cats?", "do you get along with {cat}?",
                "would you be friends with {cat}?", "why don't fish like cats?",
                "are cats your enemy?",
            ),
            "cat_watching": (
                "{cat} is staring at you again", "{cat} is sitting on your lid",
                "{cat} tried to fish you out", "{cat} has been eyeing you up",
                "{cat} is on top of your tank", "{cat} put a paw in your water",
                "{cat} is stalking your tank",
            ),
            "protect": (
                "i won't let {cat} near you", "you're safe from {cat}",
                "is {cat} freaking you out?", "{cat} can't get through your lid",
                "want me to move {cat}?", "{cat} isn't allowed in here",
                "i told {cat} off for bothering you", "i'll chase {cat} away",
                "does {cat} make you nervous?",
            ),
        },
        intents=(
            Intent("cat_life", (
                "{cat} knocked a cup off the table", "{cat} brought in a mouse",
                "{cat} is asleep on my bed", "{cat} has been meowing all day",
                "{cat} just coughed up a hairball", "{cat} scratched the sofa again",
                "{cat} is purring on my lap", "{cat} sat on my keyboard",
            )),
            Intent("cat_questions", (
                "do cats eat fish?", "why do cats love fish so much?",
                "do you think cats are cute?", "what would you say to {cat}?",
                "do you know what a cat is?", "have you ever seen a cat up close?",
                "what does a cat look like to you?", "what do you think cats are for?",
            )),
            Intent("new_cat", (
                "i'm getting a cat", "we just adopted a kitten", "would you mind if i got a cat?",
                "how would you feel about a kitten?", "we might get a cat soon",
                "my flatmate is bringing her cat",
            )),
        ),
        words={
            "cat": (
                "the kitty", "the tabby", "the black cat", "the stray cat", "the moggy",
                "my kitten", "the tomcat",
            ),
        },
        contexts=(
            "the cat is purring.", "i just fed the cat.", "there's cat hair everywhere.",
        ),
    ),
    "dogs": More(
        frames={
            "like_dogs": (
                "how do you feel about {dog}?", "do you get along with {dog}?",
                "would you be friends with {dog}?", "is {dog} your friend?", "do you hate dogs?",
                "what's your opinion on dogs?", "do you think dogs are cute?",
                "do dogs scare you?",
            ),
            "dog_doing": (
                "{dog} won't stop barking at your tank", "{dog} keeps licking the glass",
                "{dog} is staring at you", "{dog} is whining at your tank",
                "{dog} thinks you're a toy", "{dog} is going crazy for you",
                "{dog} is tilting its head at you",
            ),
            "bring_dog": (
                "want to meet {dog}?", "i'll keep {dog} away from you",
                "is it ok if {dog} comes in?", "i'll take {dog} out of the room",
                "{dog} isn't allowed near your tank", "i'll tell {dog} to be quiet",
                "does {dog} bother you?", "was {dog} too noisy?",
            ),
        },
        intents=(
            Intent("dog_life", (
                "i just took {dog} for a walk", "{dog} rolled in mud", "{dog} chewed my shoe",
                "{dog} ate my sandwich", "{dog} needs a bath", "{dog} is fast asleep",
                "{dog} learned to sit today", "{dog} chased a squirrel",
            )),
            Intent("dog_questions", (
                "do you know what a dog is?", "why do dogs bark so much?", "do dogs like fish?",
                "what does a dog look like to you?", "have you ever seen a dog up close?",
                "what would you say to {dog}?", "can you hear {dog} barking?",
            )),
            Intent("new_dog", (
                "we're getting a puppy", "would you mind a dog in the house?",
                "i want to get a dog", "we just adopted a rescue dog",
                "how would you feel about a puppy?", "my sister is bringing her dog over",
            )),
        ),
        words={
            "dog": (
                "the pup", "my doggo", "the labrador", "the old dog", "my pooch", "the spaniel",
            ),
        },
        contexts=(
            "the dog is asleep.", "the dog just had a bath.", "i can hear paws on the floor.",
        ),
    ),
    "rain": More(
        frames={
            "is_raining": (
                "it's {raining} out there", "look, it's {raining}",
                "it's been {raining} for hours", "it started {raining} on my way home",
                "it's {raining} and i'm stuck inside", "typical, it's {raining} again",
                "is it still {raining}?",
            ),
            "hear_rain": (
                "do you hear {rain} on the window?", "isn't {rain} relaxing?",
                "what do you think of {rain}?", "does {rain} scare you?", "do fish like rain?",
                "have you ever seen rain?", "would you like to swim in the rain?",
            ),
            "got_wet": (
                "i'm soaked to the bone", "i look like a drowned rat", "my socks are wet through",
                "my umbrella blew inside out", "i got splashed by a car in the rain",
                "i'm wetter than you right now",
            ),
            "storm": (
                "did you hear that thunder?", "the thunder is so loud",
                "the rain is battering the windows", "the gutters are overflowing",
                "the street is flooded", "the road is like a river",
            ),
        },
        intents=(
            Intent("rain_water", (
                "is rain the same as your water?", "would you like to live in the rain?",
                "rain is basically falling fish water", "could you swim in a puddle?",
                "is a puddle like a tiny tank?", "should i put rainwater in your tank?",
                "rain is just water falling from the sky",
            )),
            Intent("rain_plans", (
                "the rain ruined my plans", "i can't go out in this rain",
                "i'm staying in because of the rain", "the rain cancelled the picnic",
                "my washing got soaked on the line", "i'm stuck indoors, it's so wet",
            )),
        ),
        words={
            "raining": (
                "drizzling", "lashing down", "pelting down", "hammering down", "pouring down",
                "teeming",
            ),
            "rain": ("the heavy rain",),
        },
        contexts=(
            "my umbrella is dripping.", "the sky is all grey.", "my shoes are wet.",
        ),
    ),
    "weather": More(
        frames={
            "what_weather": (
                "do you even notice the weather?", "can you tell what the weather's like?",
                "do you prefer {weather} days or {weather2} days?", "do fish feel the weather?",
                "do you have a favourite kind of weather?", "is it {weather} in there too?",
            ),
            "weather_report": (
                "it's {weather} out there", "such {weather} weather today",
                "it's been {weather} all week", "ugh, it's {weather} again",
                "it turned {weather} this afternoon", "lovely day, isn't it?",
            ),
            "forecast": (
                "it's meant to be {weather} later", "tomorrow looks {weather}",
                "did you see the forecast?", "the forecast is rubbish this week",
                "they said it'd be {weather} all week", "the weather app says {weather} later",
            ),
            "sky": (
                "the sky is so blue today", "there's not a cloud in the sky",
                "the wind is blowing everything around", "there's a rainbow outside!",
                "the sun is out", "it's grey and gloomy out",
            ),
        },
        intents=(
            Intent("weather_plans", (
                "i can't go out in this weather", "perfect weather for a walk",
                "what should i do in this weather?", "this weather ruined my weekend",
                "i'm staying in, it's horrible out", "good weather for drying washing",
                "i hope the weather holds for tomorrow",
            )),
            Intent("tank_weather", (
                "is the weather always the same in there?",
                "it's always the same weather in your tank", "do you ever get storms in there?",
                "what's the forecast in your tank?", "is it sunny in your tank?",
                "do you get wind in there?", "lucky you, no weather in there",
            )),
        ),
        words={
            "weather": (
                "grey", "breezy", "humid", "nice", "horrible", "grim", "dull", "wild", "crisp",
            ),
        },
        contexts=(
            "the sky looks strange.", "my hair is a mess from the wind.",
            "i checked the weather app.", "the clouds are moving fast.",
        ),
    ),
    "seasons": More(
        frames={
            "favourite": (
                "which do you like more, {season} or {season2}?",
                "if you had to pick a season, which one?", "are you a {season} fish?",
                "what's the best time of year?", "what time of year do you like?",
                "i bet you love {season}", "is {season} your favourite?",
            ),
            "notice": (
                "does {season} change anything for you?", "can fish feel the seasons change?",
                "did you notice {season_sign}?", "do you know what {season} is?",
                "how do you know it's {season}?", "do you feel {season} coming?",
            ),
            "season_here": (
                "{season} has finally arrived", "it's officially {season}",
                "{season} came early this year", "i can't wait for {season}", "roll on {season}",
                "{season} is my least favourite", "i'm so ready for {season}",
            ),
            "holidays": (
                "merry christmas, {pet_name}", "it's easter soon", "do fish celebrate christmas?",
                "what would you like for christmas?", "should i put tinsel on your tank?",
                "it's bonfire night tonight",
            ),
        },
        intents=(
            Intent("season_signs", (
                "the leaves are falling", "the leaves are changing colour",
                "the days are getting longer", "the nights are drawing in",
                "the flowers are coming out", "it's getting dark so early now",
                "the first snow fell today", "i love {season_sign}",
            )),
            Intent("season_tank", (
                "does your tank change with the seasons?", "is it always {season} in your tank?",
                "do you get {season} in your tank?", "should i change your light for {season}?",
                "do fish sleep more in {season}?", "your tank is like an endless summer",
            )),
        ),
        words={
            "season": ("springtime", "summertime"),
            "season_sign": (
                "the leaves falling", "the snow", "the long days", "the dark evenings",
                "the flowers coming out", "the frost", "the blossom", "the longer nights",
            ),
        },
        contexts=(
            "the trees look different.", "the shops are full of seasonal stuff.",
            "i was planning the year ahead.",
        ),
    ),
    "visitors": More(
        frames={
            "coming": (
                "{guests} are popping round later", "{guests} are coming for dinner",
                "i'm having {guests} over tonight", "{guests} will be here soon",
                "we've got {guests} staying this weekend", "{guests} are on their way",
                "{guests} just arrived",
            ),
            "meet_you": (
                "come and meet {company}", "{guests} asked about you", "{guests} love your tank",
                "{guests} want to watch you swim", "{guests} can't stop looking at you",
                "show {company} your best moves", "be nice to {company}",
            ),
            "like_visitors": (
                "do you mind when people come over?", "do you like having company?",
                "are you ok with strangers?", "do you like it when the house is busy?",
                "would you rather it was just us?", "do visitors stress you out?",
                "do you like meeting people?",
            ),
            "who_came": (
                "my {relative} is coming to stay", "my {relative} popped in",
                "my {relative} thinks you're adorable", "this is my {relative}",
                "my {relative} asked how you are", "my {relative} wants to feed you",
            ),
        },
        intents=(
            Intent("guests_gone", (
                "{company} have gone home", "everyone's gone now", "the party is over",
                "it's quiet again now", "did you like {company}?",
                "what did you think of {company}?", "{company} waved to you on the way out",
            )),
            Intent("house_busy", (
                "the house is full of people", "there are so many people here",
                "it's really busy in here today", "there are loads of people in the lounge",
                "the house is packed", "we've got a full house tonight",
            )),
        ),
        words={
            "relative": (
                "mum", "dad", "sister", "brother", "grandad", "flatmate", "girlfriend",
                "boyfriend",
            ),
            "guests": (
                "my in-laws", "my mates", "the neighbours", "my grandparents", "some friends",
                "my workmates",
            ),
            "company": (
                "my friends", "my parents", "my cousins", "my neighbours", "my in-laws",
                "my mates", "the neighbours", "my grandparents", "my workmates", "the guests",
                "the visitors", "my family",
            ),
        },
        contexts=(
            "the kettle is on.", "i've cleaned the whole house.",
            "someone is knocking at the door.",
        ),
    ),
    "children": More(
        frames={
            "kids_love_you": (
                "{kids} think you're the best", "{kids} talk about you all the time",
                "{kids} can't stop looking at you", "{kids} want to play with you",
                "{kids} say you're their favourite", "{kids} made you a card",
                "{kids} are obsessed with you",
            ),
            "one_kid": (
                "{kid} just blew you a kiss", "{kid} says hello", "{kid} loves watching you swim",
                "{kid} keeps asking about you", "{kid} thinks you're a shark",
                "{kid} tried to feed you crisps", "{kid} wants a fish just like you",
            ),
            "like_kids": (
                "do little kids scare you?", "are you good with kids?",
                "do you mind kids looking at you?", "what do you think of kids?",
                "do you like small humans?", "do you like babies?",
                "would you like kids around more?",
            ),
            "kid_questions": (
                "{kid} asked why you live in water", "{kid} wants to know if you're happy",
                "{kids} asked loads of questions about you", "{kid} asked if you have a mum",
                "{kids} asked if you're a boy or a girl",
            ),
        },
        intents=(
            Intent("kids_wild", (
                "{kids} are being so loud today", "{kids} are running around like mad",
                "{kids} are driving me crazy", "{kids} won't stop screaming",
                "{kids} are bouncing off the walls", "{kids} are hyper today",
                "{kids} had too much sugar",
            )),
            Intent("kids_care", (
                "{kids} want to help look after you", "{kid} wants to be in charge of you",
                "{kids} want to take care of you", "{kid} is learning to look after you",
                "{kids} can help care for you now", "{kid} wants you to be their fish",
            )),
        ),
        words={
            "kid": ("my nephew", "my granddaughter", "my stepson", "my youngest", "my eldest"),
            "kids": (
                "my children", "the grandkids", "my nephews", "the boys", "the girls",
                "the school kids",
            ),
        },
        contexts=(
            "we're babysitting today.", "the kids are in their pyjamas.",
            "the kids just had lunch.",
        ),
    ),
    "friends": More(
        frames={
            "have_friends": (
                "who do you hang out with?", "who's your bff?",
                "are you friends with anyone in there?", "who do you play with?",
                "are you popular in the tank?", "who do you swim around with?",
                "is the {tankmate} your best friend?",
            ),
            "be_friends": (
                "i'm your friend, you know", "you're my best friend", "we'll always be friends",
                "are we mates?", "you're my bestie", "friends forever?", "you're my best mate",
            ),
            "friend_life": (
                "what's a friend to a fish?", "how do fish make friends?",
                "what do you do with your friends?", "is it easy to make friends as a fish?",
                "do fish have best friends?", "what do you like about your friends?",
            ),
            "tank_mates": (
                "should i get you a buddy?", "want a {tankmate} to keep you company?",
                "how about a new friend for your tank?",
                "would you share your tank with a friend?",
            ),
        },
        intents=(
            Intent("my_friends", (
                "i fell out with my best friend", "my best friend moved away",
                "i made a new friend today", "my friends are the best",
                "i hung out with my mates today", "how do i make more friends?",
                "my friend and i had a fight", "my oldest friend called me",
            )),
            Intent("friends_meet", (
                "can my friend be your friend too?", "do you want to meet my friends?",
                "my friend wants to be your friend", "would you be friends with my friend?",
                "can you have more than one best friend?", "can a fish and a human be friends?",
            )),
        ),
        words={
            "friend": ("pals", "buddies", "a bestie", "fish friends", "any mates", "a bff"),
        },
        contexts=(
            "my friend just texted me.", "i've been thinking about my mates.",
            "friends are important to me.",
        ),
    ),
    "love": More(
        frames={
            "love_you": (
                "love you lots", "i love you to bits", "love ya, {pet_name}",
                "you mean the world to me", "you have my whole heart",
                "i love you, you silly fish", "i'm so in love with you", "sending you all my love",
                "love you loads",
            ),
            "do_you_love": (
                "do you even {love} me?", "do you {love} me as much as i {love} you?",
                "tell me you {love} me", "say you {love} me", "how much do you {love} me?",
                "does your little heart love me?",
            ),
            "fish_love": (
                "can a fish love a human?", "are you in love with anyone?",
                "do you fancy the {tankmate}?", "do you have a girlfriend?",
                "do you have a boyfriend?", "who's your crush?", "do fish get married?",
                "do fish kiss?",
            ),
            "favourite_one": (
                "who do you love more, me or the {tankmate}?", "am i the love of your life?",
                "do you love me more than bubbles?", "is food your true love?",
                "who's number one in your heart?",
            ),
        },
        intents=(
            Intent("my_love_life", (
                "i'm in love", "i think i'm falling for someone", "i've got a crush on someone",
                "i met someone special", "i told my crush i love them",
                "my partner said i love you", "i think i'm in love, {pet_name}",
            )),
            Intent("what_love_is", (
                "what does love feel like?", "how do you know if it's love?", "is love real?",
                "what's the best kind of love?", "can you explain love to me?",
                "what is true love?", "is love the best thing ever?",
            )),
        ),
        words={
            "love": ("really love",),
        },
        contexts=(
            "my heart is full today.", "i'm feeling all lovey dovey.",
            "i've been thinking about love.",
        ),
    ),
    "jokes": More(
        frames={
            "tell_joke": (
                "hit me with {joke_kind}", "go on, tell me {joke_kind}",
                "do you have {joke_kind}?", "i could use {joke_kind}", "gimme {joke_kind}",
                "tell me your best joke", "got any jokes?", "let's hear {joke_kind}",
            ),
            "make_laugh": (
                "i need a laugh", "make me giggle", "i could do with a laugh",
                "can you make me laugh?", "i bet you can't make me laugh", "say something funny",
                "be funny for me, {pet_name}",
            ),
            "my_joke": (
                "i've got one for you", "here's a joke for you",
                "why are fish so smart? they live in schools",
                "what did the fish say when it hit a wall?", "i know a good fish joke",
                "you'll like this one, it's a joke",
            ),
            "puns": (
                "are you any good at puns?", "do fish like puns?", "what's your favourite joke?",
                "do you have a sense of humour?", "what's funny to a fish?",
                "can you do a pun about water?",
            ),
        },
        intents=(
            Intent("another", (
                "haha that's so bad", "lol that joke was terrible", "that's so corny",
                "ha, good one", "tell me another one", "another joke!", "that one made me laugh",
                "one more joke, please", "that joke was fishy",
            )),
            Intent("funny_fish", (
                "you're hilarious", "you're such a funny fish", "you crack me up",
                "you're a proper comedian", "you always make me laugh", "how are you so funny?",
                "you should do stand up comedy",
            )),
        ),
        words={
            "joke_kind": (
                "a funny joke", "a good joke", "a knock knock joke", "a bad joke", "a dad joke",
                "a cheesy joke", "a funny one", "a joke about fish",
            ),
        },
        contexts=(
            "i love a good pun.", "my dad tells the worst jokes.", "i want to laugh.",
        ),
    ),
    "meaning_of_life": More(
        frames={
            "meaning": (
                "what's the meaning of it all?", "what's the point of anything?",
                "is there any point to {life}?", "tell me the meaning of {life}",
                "what's {life} really about?", "is there a reason for {life}?",
                "do you know the meaning of {life}?", "what's the deal with {life}?",
            ),
            "why_here": (
                "what are we doing on this planet?", "why was i born?", "why does anything exist?",
                "what are we even here for?", "do you know why we're here?",
                "what should i live for?", "what's it all for?",
            ),
            "big_thoughts": (
                "do you ever wonder why you exist?", "do fish think about the big questions?",
                "let's get philosophical", "are you a philosopher fish?",
                "what's your philosophy on {life}?", "have you figured out {life}?",
                "do you think about why you're alive?",
            ),
            "why_alive": (
                "what makes you glad to be alive?", "is food the answer to everything?",
                "what's the one thing that matters?", "is there more to life than food?",
                "what gets you up in the morning?", "what's the secret to a good life?",
            ),
        },
        intents=(
            Intent("no_purpose", (
                "i don't know what i'm doing with my life", "i'm having an existential crisis",
                "i keep asking myself what it's all for", "i don't know what my purpose is",
                "i'm trying to find my purpose", "what's my purpose, do you think?",
                "i've been wondering what life is for",
            )),
            Intent("guess_answer", (
                "is the answer forty two?", "the answer is forty two, right?",
                "some say the meaning of life is forty two", "is the meaning of life love?",
                "is the point of life to be happy?", "maybe the meaning of life is food?",
                "is the answer to everything food?",
            )),
        ),
        words={
            "life": ("all this", "the universe"),
        },
        contexts=(
            "i was staring at the stars.", "i've been up all night thinking.",
            "it's getting deep in here.",
        ),
    ),
    "time": More(
        frames={
            "what_time": (
                "got the time?", "do you have the time?", "what time do you think it is?",
                "guess what time it is", "how late is it?", "is it still early?",
                "what's the time in fish land?",
            ),
            "tell_time": (
                "do you have a clock?", "how do you know what time it is?",
                "can you read a clock?", "do you know what an hour is?",
                "do fish have a body clock?", "do you count the days?",
                "how do you keep track of time?",
            ),
            "how_long": (
                "how long was i away?", "did it feel like ages?", "was i gone long?",
                "have you been waiting long?", "does a minute feel long to you?",
                "time flies, doesn't it?", "where did the day go?",
            ),
            "day_names": (
                "happy {day}!", "ugh, it's {day} again", "i love {day}",
                "what's your favourite day of the week?",
                "do you know what day of the week it is?",
            ),
        },
        intents=(
            Intent("no_time", (
                "i'm running late", "where has the time gone?", "i have no time today",
                "i totally lost track of time", "time is going so fast", "this day is dragging",
                "i'm always late for everything", "the clocks go back tonight",
            )),
            Intent("fish_time", (
                "do fish have weekends?", "is every day the same for you?",
                "do you know what a year is?", "how long is an hour for a fish?",
                "does time feel different for fish?", "do you know what a month is?",
                "are days long in a tank?",
            )),
        ),
        words={
            "day": ("wednesday", "thursday", "a bank holiday"),
            "time_q": ("what's the time", "is it lunchtime", "is it the afternoon", "is it early"),
        },
        contexts=(
            "i can't find my watch.", "the clock in the kitchen stopped.", "it feels late.",
        ),
    ),
    "memory": More(
        frames={
            "remember_me": (
                "remember me?", "have you forgotten me already?", "you know me, right?",
                "do i look familiar?", "it's me, your favourite human",
                "bet you don't remember me", "do you remember who feeds you?",
                "you still know who i am?",
            ),
            "memory_good": (
                "is it true fish forget everything?", "do you have a good memory?",
                "how long can you remember stuff?", "do you forget stuff quickly?",
                "how much can you remember?", "are you forgetful?",
                "is a fish's memory really that bad?",
            ),
            "remember_what": (
                "do you {remember} what happened {earlier}?", "what's your oldest memory?",
                "do you remember the last time i fed you?",
                "what do you {remember} from {earlier}?", "what's the last thing you remember?",
            ),
            "forgetful": (
                "you've forgotten already, haven't you?", "i told you that {earlier}",
                "did you already forget?", "you forget everything, silly",
                "we literally just talked about this", "try to remember, {pet_name}",
                "i bet you forgot {thing_done}",
            ),
        },
        intents=(
            Intent("my_memory", (
                "i keep forgetting things", "my memory is terrible", "i forgot my keys again",
                "i can't remember anything today", "i forgot where i parked",
                "my memory is worse than yours", "i have a memory like a fish",
            )),
            Intent("memory_test", (
                "let's test your memory", "remember this number for me",
                "can you remember three words?", "i'll ask you again later, remember it",
                "memory test: what did i just say?", "quiz time, what did you eat?",
                "let's see if you remember this",
            )),
        ),
        words={
            "earlier": ("before", "last week", "an hour ago", "the other day", "a minute ago"),
            "thing_done": ("what you ate", "our chat", "what i told you"),
        },
        contexts=(
            "it's been a while.", "my brain is foggy today.", "i'm sure we've met before.",
        ),
    ),
    "future": More(
        frames={
            "plans": (
                "got any plans {later}?", "what's on your agenda {later}?",
                "anything fun planned {later}?", "what are you up to {later}?", "busy {later}?",
                "doing anything {later}?", "what's the plan, {pet_name}?",
            ),
            "hopes": (
                "what's on your wish list?", "what do you want most for the future?",
                "what's your five year plan?", "any big goals?",
                "what are you looking forward to?", "what do you hope for?",
            ),
            "my_plans": (
                "i've got big plans for {later}", "i'm seeing my friends {later}",
                "i have an exam {later}", "i'm going on a trip {later}",
                "i'm getting married {later}", "i'm thinking of moving {later}",
            ),
            "tomorrow_fish": (
                "do you worry about the future?", "will you still be here {later}?",
                "do you think about tomorrow?", "what will happen to you {later}?",
                "do fish think ahead?",
            ),
        },
        intents=(
            Intent("predict", (
                "what do you think will happen {later}?", "can you see the future?",
                "tell me my future", "predict something for me", "are you a fortune teller fish?",
                "will tomorrow be a good day?", "what does the future hold?",
            )),
            Intent("unsure_future", (
                "i'm worried about the future", "i don't know what's next for me",
                "i can't plan that far ahead", "i never know what's coming next",
                "i wish i knew the future", "i'm nervous about {later}",
            )),
        ),
        words={
            "later": ("next month", "this evening", "next summer"),
        },
        contexts=(
            "i just wrote a to do list.", "i'm trying to plan my week.",
            "i've got a lot coming up.",
        ),
    ),
    "past": More(
        frames={
            "where_from": (
                "where are you from?", "are you from a pet shop?", "were you born in a shop?",
                "where did i get you from again?", "what's your story?", "who were your parents?",
                "where did your family come from?",
            ),
            "what_before": (
                "what did you get up to {before}?", "what was it like {before}?",
                "did you live alone {before}?", "was life better {before}?",
                "tell me about your life {before}", "what did you do last week?",
                "did you have a big tank {before}?",
            ),
            "baby": (
                "how small were you as a baby?", "did you hatch from an egg?",
                "do you remember your mum?", "were you a cute baby?",
                "how many brothers and sisters do you have?", "what was being a baby fish like?",
            ),
            "first_day": (
                "remember when i brought you home?", "do you remember the pet shop?",
                "were you nervous when you first came here?", "what did you think of me at first?",
                "the day i got you was the best",
            ),
        },
        intents=(
            Intent("my_past", (
                "when i was little i had a fish too", "i used to have a goldfish",
                "i remember my first pet", "i was thinking about my childhood",
                "i miss the old days", "i found my old school photos",
                "back in my day things were different",
            )),
            Intent("old_days", (
                "do you miss the old days?", "do you ever think about the past?",
                "do you miss your old tank?", "would you go back to the shop?",
                "was it better in the shop?", "do you miss your old life?",
                "do you ever look back?",
            )),
        ),
        words={
            "before": ("back then", "as a baby", "in the old days", "years ago"),
        },
        contexts=(
            "i was feeling nostalgic.", "i found an old photo of you.",
            "i was thinking about the old days.",
        ),
    ),
    "size": More(
        frames={
            "how_big": (
                "what size are you?", "how many centimetres are you?", "how much do you weigh?",
                "you're smaller than my finger", "can i measure you?", "you're teeny tiny",
                "how big is a guppy?",
            ),
            "grown": (
                "you look bigger than last week", "have you had a growth spurt?",
                "i swear you're getting bigger", "you're bigger every day",
                "you're growing so fast", "is all that food making you bigger?",
                "when will you stop growing?",
            ),
            "wish": (
                "would you rather be big or small?", "do you like being {small}?",
                "would you like to be as big as a whale?", "do you ever feel too small?",
                "is being small fun?", "what's good about being small?",
                "would you want to be huge?",
            ),
            "compare": (
                "are you bigger than the {tankmate}?", "who's bigger, you or the {tankmate}?",
                "you'd fit on a spoon", "you could fit in my hand",
                "you're so much smaller than me", "i'm a giant next to you",
            ),
        },
        intents=(
            Intent("big_fish", (
                "i saw a really big fish today", "have you seen a giant fish?",
                "what's the biggest fish you know?", "whales are way bigger than you",
                "sharks are huge compared to you", "do you know how big a whale is?",
            )),
            Intent("guppy_size", (
                "do guppies stay small?", "how big do guppies get?", "are all guppies this small?",
                "are boy guppies smaller?", "what's the biggest guppy ever?",
                "are you small for a guppy?",
            )),
        ),
        words={
            "small_thing": ("a jellybean", "a thumb", "a raisin", "a bottle cap", "a fingernail"),
            "small": ("titchy", "massive", "chonky", "skinny"),
        },
        contexts=(
            "i got out the tape measure.", "i held a ruler up to the glass.",
            "i was looking at you up close.",
        ),
    ),
    "age": More(
        frames={
            "how_old": (
                "how old are you now, {pet_name}?", "are you {old} in fish years?",
                "how old is a fish like you?", "what's your age in fish years?",
                "do you even know how old you are?", "i bet you're older than you look",
                "are you older than the {tankmate}?", "you're getting on a bit, aren't you?",
                "so how old are you really?",
            ),
            "birthday": (
                "when were you born?", "what day were you born?",
                "do you want a birthday present?", "how should we celebrate your birthday?",
                "i think today is your birthday", "how many candles would your cake have?",
                "let's throw you a birthday party", "happy gotcha day, {pet_name}!",
            ),
            "lifespan": (
                "what's the lifespan of a guppy?", "how many years do guppies get?",
                "will you live forever?", "i hope you live a long time",
                "how long will i have you?", "how long can a fish like you live?",
                "do fish die of old age?", "are guppies short lived?",
            ),
            "growing_up": (
                "you've grown up so fast", "were you ever a baby fish?",
                "what were you like as a baby?", "when will you be a grown up fish?",
                "are you still a kid?", "were you tiny when you were born?",
                "you're not a baby anymore",
            ),
        },
        intents=(
            Intent("my_age", (
                "i'm {my_age} years old", "i just turned {my_age}", "guess how old i am",
                "i'm getting old", "i feel so old today", "i found a grey hair today",
                "do you think i look old?", "i'm older than you, you know",
                "i'm {my_age}, how old are you?", "my birthday is next week, i'll be {my_age}",
            )),
            Intent("fish_years", (
                "how old is that in human years?", "what's that in fish years?",
                "do fish count years?", "how do fish know how old they are?",
                "is one year a long time for a fish?", "does a fish year go faster?",
                "how do you count your age?", "do fish keep track of birthdays?",
            )),
        ),
        words={
            "old": (
                "a youngster", "a kid", "middle aged", "over the hill", "a spring chicken",
                "elderly", "a toddler", "a senior", "an old timer", "getting on",
            ),
            "my_age": (
                "twenty", "thirty", "forty", "fifty", "sixty", "eighteen", "twelve", "nine",
                "seventy", "twenty one", "thirty five",
            ),
        },
        contexts=(
            "we had a birthday party today.", "i found a photo of you as a baby.",
            "you've been with me a long time.", "i found your receipt from the pet shop.",
        ),
    ),
    "intelligence": More(
        frames={
            "are_you_smart": (
                "you're {smart}, you know that?", "do you think you're {smart}?",
                "are you {smart} or just lucky?", "i think you're {smart}",
                "how {smart} is a fish really?", "are you the {smartest} fish in the tank?",
                "big brain fish?", "what's your iq, {pet_name}?",
            ),
            "puzzles": (
                "could you do a maze?", "i bet you could solve a maze",
                "could you find your way through a maze?", "can you solve a riddle?",
                "want to try a puzzle?", "i got you a puzzle feeder", "do you like brain games?",
            ),
            "thinking": (
                "what goes on in that little head?", "do you ever think deep thoughts?",
                "are you thinking right now?", "do you even have a brain?", "is your brain tiny?",
                "how do you think without words?", "do you ever overthink things?",
            ),
            "learn": (
                "can i teach you a trick?", "i'm going to train you",
                "could you learn to swim through a hoop?", "can you learn to come when i call?",
                "can fish be trained?", "did you learn anything new?",
            ),
        },
        intents=(
            Intent("dumb", (
                "are fish {dim}?", "people say fish are {dim}", "are you a bit {dim}?",
                "my mate thinks fish are {dim}", "is it true fish are {dim}?",
                "you're not {dim}, are you?", "are fish really that {dim}?",
                "are you smarter than you look?", "is it true fish have no brains?",
            )),
            Intent("compare_smart", (
                "are you smarter than {animal}?", "who's cleverer, you or {animal}?",
                "is a fish brainier than {animal}?", "could you outsmart {animal}?",
                "i bet you're smarter than {animal}", "are you smarter than me?",
                "are you the brains of the tank?", "who's the smartest in your tank?",
            )),
        ),
        words={
            "smart": ("quick", "brilliant", "switched on", "savvy", "gifted", "cunning"),
            "smartest": ("smartest", "cleverest", "brightest", "wisest", "brainiest", "sharpest"),
            "dim": ("dumb", "stupid", "thick", "dim", "daft", "brainless", "silly", "dopey"),
            "animal": (
                "a dog", "a cat", "a hamster", "a goldfish", "a parrot", "the snail", "a rabbit",
                "a crab", "a pigeon", "a mouse",
            ),
        },
        contexts=(
            "you learned where i keep the food.", "i've been reading about fish brains.",
            "you're watching me really closely.",
        ),
    ),
    "health": More(
        frames={
            "are_you_sick": (
                "you don't look so good", "are you coming down with something?",
                "you seem {unwell} today", "i think you might be {unwell}",
                "why are you floating funny?", "what's wrong with your {fish_bit}?",
                "your {fish_bit} looks a bit funny", "you look {unwell} to me, {pet_name}",
            ),
            "are_you_well": (
                "you seem {well} today", "is your {fish_bit} {well} now?",
                "are you in good health?", "clean bill of health?",
                "is everything working in there?", "all good with your {fish_bit}?",
                "are you fighting fit?",
            ),
            "vet": (
                "do you need to see a vet?", "i booked you a vet appointment",
                "i got you some fish medicine", "should i put salt in your tank?",
                "do you want your medicine?", "how do vets check fish?",
                "is there a fish hospital?", "i'm going to give you some drops",
            ),
        },
        intents=(
            Intent("injury", (
                "did you hurt your {fish_bit}?", "you've got a scratch on your {fish_bit}",
                "how did you hurt yourself?", "did you bump into the {tank_object}?",
                "your {fish_bit} looks torn", "does it hurt?", "did the {tankmate} bite you?",
                "you've got a little cut", "is your {fish_bit} sore?",
            )),
            Intent("check_up", (
                "let me have a look at you", "time for your check up",
                "i'm just checking you're okay", "turn around so i can see you",
                "let me look at your {fish_bit}", "i'm giving you a little health check",
                "show me your {fish_bit}, {pet_name}",
            )),
            Intent("illness", (
                "do you have {fish_ill}?", "is that {fish_ill}?", "i think you've got {fish_ill}",
                "can fish get {fish_ill}?", "how do i treat {fish_ill}?",
                "i read about {fish_ill} online", "is {fish_ill} serious for a fish?",
            )),
        ),
        words={
            "unwell": (
                "peaky", "green around the gills", "sickly", "run down", "out of sorts", "crook",
            ),
            "well": (
                "fit", "in good shape", "tip top", "right as rain", "good as new", "fit and well",
            ),
            "fish_bit": ("fin", "tail", "eye", "belly", "tummy", "tail fin", "side", "mouth"),
            "fish_ill": (
                "white spot", "ich", "fin rot", "a fungus", "a parasite", "swim bladder trouble",
                "a cold", "a tummy bug", "dropsy", "an infection",
            ),
        },
        contexts=(
            "you've been hiding all day.", "you're swimming a bit slow.",
            "i read up on fish diseases.",
        ),
    ),
    "human_things": More(
        frames={
            "know_it": (
                "ever heard of {human_thing}?", "what's {human_thing} to a fish?",
                "do you understand {human_thing}?", "guess what {human_thing} is",
                "do you get {human_thing}?", "tell me what you think {human_thing} is",
                "is {human_thing} a thing for fish?",
            ),
            "my_life": (
                "{human_thing} is doing my head in", "i can't stand {human_thing}",
                "ugh, {human_thing} again", "i've been stuck with {human_thing} all week",
                "i wish i didn't have to deal with {human_thing}",
                "you're lucky you don't know {human_thing}",
            ),
            "help_me": (
                "how does {human_thing} work?", "any tips on {human_thing}?",
                "i need help with {human_thing}", "teach me about {human_thing}",
                "got any idea how {human_thing} works?",
                "could you sort out {human_thing} for me?",
            ),
        },
        intents=(
            Intent("human_world", (
                "humans are so weird", "being a human is hard", "do you understand humans?",
                "what do you think humans do all day?", "would you like to be a human?",
                "what's the strangest thing humans do?", "people have so many rules",
                "do you ever watch what humans do?",
            )),
            Intent("swap", (
                "want to swap lives for a day?", "i wish i was a fish, no bills",
                "fish don't have to pay bills", "you're lucky, no chores for you",
                "your life is easier than mine", "i'd love to be a fish for a day",
                "can we swap lives?", "you never have to deal with {human_thing}",
            )),
        ),
        words={
            "stress": (
                "done with", "drowning in", "stuck with", "bored of", "annoyed about", "so over",
            ),
        },
        contexts=(
            "the grown up world is exhausting.", "i've been running errands all day.",
            "life admin is the worst.",
        ),
    ),
    "phones": More(
        frames={
            "show_phone": (
                "check out this photo on {phone}", "look what's on {phone}",
                "i'm going to take your picture", "smile for the camera!",
                "say cheese, {pet_name}", "i made you my wallpaper",
                "here's a funny video on {phone}", "can you see yourself on {phone}?",
            ),
            "what_phone": (
                "would you want a phone?", "if you had a phone, who would you call?",
                "do fish text?", "could you use a touchscreen with your fins?",
                "what would you do with a phone?", "should i get you a tiny phone?",
                "what's your number?",
            ),
            "phone_life": (
                "{phone} is on one percent", "i cracked {phone}", "i can't find {phone}",
                "i need to charge {phone}", "{phone} won't stop pinging",
                "i'm getting a new phone", "i dropped {phone} in the bath",
            ),
            "calls": (
                "brb, phone call", "sorry, my phone rang", "i have to take this call",
                "my mum wants to facetime you", "wave at the camera!",
                "i'm calling my friend, say hello",
            ),
        },
        intents=(
            Intent("texting", (
                "i'm texting my friend about you", "i just sent a selfie with you",
                "i posted your picture online", "your photo got loads of likes",
                "everyone loves your photo", "i'm sending your picture to my mum",
                "you're my lock screen now",
            )),
            Intent("screen_time", (
                "i'm addicted to {phone}", "i should put {phone} down", "i need less screen time",
                "i've been scrolling for hours", "my screen time is terrible",
                "i'm putting {phone} away to watch you", "i was doomscrolling all night",
                "you never have to check a phone",
            )),
        ),
        words={
            "phone": ("my smartphone", "my new phone", "the phone", "my mobile phone"),
        },
        contexts=(
            "my phone just buzzed.", "i've been glued to my phone.", "i forgot my charger.",
        ),
    ),
    "money": More(
        frames={
            "want_money": (
                "fancy {cash}?", "here, have {cash}", "what would a fish spend {cash} on?",
                "would you take {cash}?", "should i give you {cash}?",
                "if you won {cash}, what then?", "i'll pay you {cash} for a wiggle",
            ),
            "fish_money": (
                "do fish have money?", "what do fish pay with?", "do fish have banks?",
                "how do fish buy things?", "is money any use underwater?",
                "do you know what a coin is?", "would money go soggy in your tank?",
                "what's money for, do you think?",
            ),
            "my_money": (
                "i'm broke", "i'm skint this month", "payday can't come soon enough",
                "my rent went up again", "i've got no cash left", "i blew my wages on shoes",
                "i'm trying to stick to a budget",
            ),
            "rich": (
                "are you a rich fish?", "is your treasure chest full of gold?",
                "is there treasure in your tank?", "are you secretly loaded?",
                "what would you buy if you were rich?", "how much did you cost?",
                "you were a bargain, you know",
            ),
        },
        intents=(
            Intent("fish_costs", (
                "what should i buy you?", "i spent a fortune on your tank",
                "your food costs more than mine", "fish stuff is so expensive",
                "i bought you something pricey", "how much do you think your tank cost?",
                "you're an expensive little fish",
            )),
            Intent("lottery", (
                "if i win the lottery, you get a bigger tank", "i bought a lottery ticket",
                "what if we won the lottery?", "let's be millionaires",
                "i'm going to be rich one day", "feeling lucky? i've got a lottery ticket",
                "what would you do if we won the lottery?",
            )),
        ),
        words={
            "cash": (
                "a fiver", "a dollar", "a million dollars", "a gold coin", "some dosh",
                "loads of money", "a big bag of cash", "a penny",
            ),
        },
        contexts=(
            "payday is next week.", "my card got declined.", "i've been doing my budget.",
        ),
    ),
    "maths": More(
        frames={
            "sum": (
                "{num} {op} {num2}?", "do you know what {num} {op} {num2} is?",
                "what's {num} {op} {num2}, {pet_name}?", "can you work out {num} {op} {num2}?",
                "bet you can't do {num} {op} {num2}", "quick maths: {num} {op} {num2}",
                "what do you get if you add {num} and {num2}?",
                "tell me what {num} {op} {num2} makes",
            ),
            "can_count": (
                "can fish count?", "how far can you count?", "do you know your numbers?",
                "can you count to {num}?", "are fish good with numbers?",
                "do you know what a number is?", "one, two, three... your turn",
            ),
            "homework": (
                "i hate {maths_thing}", "i'm stuck on my maths homework", "can you check my sums?",
                "maths is so hard", "i failed my maths test", "i don't get {maths_thing}",
                "can you help me with {maths_thing}?", "we're doing {maths_thing} at school",
                "my teacher gave us loads of maths",
            ),
            "numbers": (
                "what's your favourite number?", "how many {countable} can you see?",
                "which is more, {num} or {num2}?", "is {num} a big number?",
                "how many days are in a week?", "what comes before {num}?",
            ),
        },
        intents=(
            Intent("maths_opinion", (
                "do you like maths?", "is maths fun for fish?", "what do you think of maths?",
                "why do we even need maths?", "maths is pointless", "are numbers scary?",
                "would you rather do maths or swim?", "i'm terrible at maths",
                "i actually love maths",
            )),
            Intent("fish_sums", (
                "how many flakes do you want?", "you have {num} flakes. i take one. how many?",
                "if you ate {num} flakes and then {num2}, how many?",
                "how many pebbles are in your tank?", "count your flakes for me",
                "how many fish live in your tank?", "if i feed you twice, how many meals is that?",
            )),
        ),
        words={
            "num": ("twelve", "twenty", "eleven", "fifteen"),
            "op": ("take away", "divided by", "multiplied by"),
            "maths_thing": (
                "fractions", "algebra", "long division", "times tables", "equations",
                "percentages", "geometry", "decimals", "sums",
            ),
            "countable": (
                "pebbles", "plants", "bubbles", "stripes", "flakes", "snails", "rocks", "fingers",
            ),
        },
        contexts=(
            "my calculator is broken.", "numbers are making my head hurt.",
            "my teacher set a hard test.",
        ),
    ),
    "driving": More(
        frames={
            "can_drive": (
                "do you think you could {drive_verb} {vehicle}?", "could you reach the pedals?",
                "do fish need a licence?", "would you be a good driver?",
                "what if a fish could drive?", "could you even see over the wheel?",
                "have you got a driving licence?", "imagine you driving {vehicle}",
            ),
            "my_driving": (
                "i had my first driving lesson", "i failed my driving test",
                "i nearly crashed today", "i got a parking ticket", "i just got my licence",
                "i drove for hours today", "i got lost driving home", "i'm a terrible driver",
            ),
            "come_along": (
                "want to come in the car?", "shall i take you for a spin?",
                "fancy a drive, {pet_name}?", "i'll take you for a ride in my car",
                "want to sit in the front seat?", "want to come to the car wash?",
                "would you like a road trip?",
            ),
            "vehicles": (
                "{vehicle} just drove past", "did you hear {vehicle} go by?",
                "what would you do with {vehicle}?", "do you know what {vehicle} is?",
                "i saw {vehicle} on the way home", "i'd love to own {vehicle}",
            ),
        },
        intents=(
            Intent("traffic", (
                "traffic was awful today", "the roads were a nightmare", "rush hour was awful",
                "there was a huge jam on the motorway", "every light was red today",
                "road works everywhere today", "i sat in traffic forever",
                "everyone drives so badly", "some idiot honked at me",
                "someone cut me up on the way home",
            )),
            Intent("car_trouble", (
                "my car needs petrol", "i need to fill up the car", "the car won't start",
                "i got a flat tyre", "i washed the car today", "my car is making a weird noise",
                "the car's at the garage", "i'm getting my car fixed", "the car battery died",
            )),
        ),
        words={
            "vehicle": (
                "a lorry", "a sports car", "a fire engine", "a police car", "a scooter",
                "an ambulance", "a minibus", "a camper van",
            ),
            "drive_verb": ("handle", "reverse"),
        },
        contexts=(
            "i just got out of the car.", "the motorway was packed.",
            "i've been behind the wheel all day.",
        ),
    ),
    "computers": More(
        frames={
            "what_computer": (
                "ever used a computer?", "could you type with your fins?",
                "would you like to surf the web?", "what would a fish google?",
                "have you heard of {tech}?", "do you know what {tech} is?",
                "what do you think of {tech}?",
            ),
            "my_computer": (
                "{computer} needs updating", "i've got too many tabs open",
                "{computer} is making a weird noise", "i bought a new laptop",
                "i'm stuck on {computer} all day", "my emails never stop",
            ),
            "screen": (
                "can you read my screen?", "look at my screen, {pet_name}",
                "i'm showing you a fish video", "can you see the light from my screen?",
                "come watch this on {computer}", "check this out on {computer}",
            ),
            "tech_trouble": (
                "{computer} has a virus", "i lost all my files", "i forgot my password again",
                "{computer} won't turn on", "the printer jammed again",
                "i've been fixing {computer} all day", "the wifi keeps dropping",
            ),
        },
        intents=(
            Intent("typing_to_you", (
                "i'm typing this to you", "can you read what i type?", "do you get my messages?",
                "how are you reading this?", "do you know i'm on a keyboard?",
                "how do you type back?", "are you inside the computer?",
                "is this message reaching your tank?",
            )),
            Intent("coding", (
                "i play games on {computer}", "want to play a game on {computer}?",
                "i stayed up all night gaming", "i'm building a computer", "i'm learning to code",
                "i wrote a program today", "i made a website about you", "i'm making a fish game",
            )),
        ),
        words={
            "computer": ("my pc", "my work laptop", "the old computer", "my macbook"),
            "tech": (
                "the internet", "wifi", "a laptop", "email", "a robot", "an ai", "a mouse",
                "a printer", "a keyboard", "a website", "a chatbot",
            ),
        },
        contexts=(
            "my laptop is on my knees.", "i've got forty tabs open.",
            "i'm working from home today.",
        ),
    ),
    "work": More(
        frames={
            "going_to_work": (
                "i need to head to {job}", "ugh, {job} again", "i'm heading out to {job}",
                "back to {job} tomorrow", "i wish i didn't have to go to {job}",
                "i'm on an early shift", "i've got a double shift today",
                "i'm working from home today",
            ),
            "work_day": (
                "{job} was a nightmare", "i'm shattered after {job}", "my boss is driving me mad",
                "my coworker is so annoying", "i got told off at work",
                "work was actually fine today", "i did so much overtime",
                "i worked a twelve hour shift",
            ),
            "fish_job": (
                "do you get paid for being cute?", "could a fish get a job?",
                "what job would suit a fish?", "are you the boss of the tank?",
                "do you ever take a day off?", "would you want my job?",
            ),
            "work_event": (
                "i'm preparing for {work_thing}", "i messed up {work_thing}",
                "i'm dreading {work_thing}", "i've got {work_thing} {soon} and i'm not ready",
            ),
        },
        intents=(
            Intent("job_change", (
                "i got a new job!", "i'm thinking of quitting", "i got fired today",
                "i handed in my notice", "i'm looking for a new job", "i start my new job {soon}",
                "i got the job!", "i might get a pay rise",
            )),
            Intent("day_off", (
                "thank god it's friday", "finally, the weekend", "i have the day off!",
                "no work tomorrow!", "i've got a day off {soon}", "i'm on holiday from work",
                "i called in sick to work",
            )),
        ),
        words={
            "work_thing": (
                "a job interview", "a performance review", "a big pitch", "a training day",
                "an appraisal", "a team meeting",
            ),
            "soon": ("tonight",),
            "job": ("the hospital", "the warehouse", "the restaurant", "the cafe"),
            "hard": ("crazy", "manic", "rough", "hectic", "brutal", "slow"),
        },
        contexts=(
            "i just finished my shift.", "my inbox is overflowing.", "i had meetings all day.",
        ),
    ),
    "thanks": More(
        frames={
            "thank_you": (
                "{thank}!", "oh {thank}, {pet_name}", "{thank}, that means a lot",
                "you're a star, {thank}", "{thank}, i needed that", "{thank} again",
                "{thank} {for_what}, it helped",
            ),
            "appreciate": (
                "i really appreciate you, {pet_name}", "i don't say it enough, but thanks",
                "i'm so grateful", "i'm thankful for you", "you've been a big help",
                "where would i be without you?", "you deserve a thank you",
            ),
            "thank_for": (
                "{thank} for {favour}, {pet_name}", "really, {thank} for {favour}",
                "i'm grateful for {favour}", "i owe you for {favour}",
                "{thank} for {favour}, you're the best",
            ),
            "you_helped": (
                "you cheered me up", "you always know what to say",
                "i feel so much better thanks to you", "you helped me more than you know",
                "you got me through today", "you're a good listener, {pet_name}",
            ),
        },
        intents=(
            Intent("good_tip", (
                "that's helpful, {thank}", "good idea, {thank}", "i'll try that, {thank}",
                "oh that helps, {thank}", "noted, {thank}", "good advice, {thank}",
                "okay, i'll take your advice. {thank}",
            )),
            Intent("fish_favour", (
                "thanks for swimming over", "thanks for saying hi", "thanks for the little dance",
                "thanks for waiting for me", "aw, thanks for the wiggle",
                "thank you for keeping me company tonight", "thanks for being so patient with me",
                "thank you for always swimming over to see me",
            )),
        ),
        words={
            "favour": (
                "the pep talk", "cheering me up", "the company", "your help", "the laugh",
                "putting up with me",
            ),
            "thank": (
                "thanks a lot", "thanks a bunch", "thank you kindly", "thanks heaps",
                "thanks loads", "ta",
            ),
            "for_what": (
                "for cheering me up", "for always being there", "for the advice", "for the laugh",
                "for keeping me company", "for being a good fish",
            ),
        },
        contexts=(
            "you're always here for me.", "i had a rough day but you helped.",
            "you listened to me ramble.",
        ),
    ),
    "compliment": More(
        frames={
            "you_are": (
                "you're the {prettiest} fish i've ever seen", "who's a {pretty} fish?",
                "look at you, so {pretty}", "you're {pretty}, you know that?",
                "has anyone told you you're {pretty}?", "such a {pretty} little fish",
                "you're a looker, {pet_name}", "you're so photogenic",
            ),
            "your_part": (
                "those {part} though!", "i'm obsessed with your {part}",
                "how are your {part} so {pretty}?", "your {part} sparkle in the light",
                "you've got the best {part}", "love the {colour} on you",
            ),
            "good_job": (
                "nice one, {pet_name}", "way to go!", "great job!", "proud of you, {pet_name}",
                "look at you go!", "nice moves!", "you did so well", "bravo, {pet_name}",
            ),
            "nice_fish": (
                "you're such a sweet fish", "you're the coolest fish i know",
                "you've got such a great personality", "you're perfect just the way you are",
                "you're a little star", "you're one of a kind", "best fish ever",
            ),
        },
        intents=(
            Intent("show_off", (
                "everyone says you're {pretty}", "my friends think you're {pretty}",
                "you'd win a fish beauty contest", "you should be a model",
                "you're prettier than the fish at the shop", "you're the star of the tank",
                "you could be on a stamp",
            )),
            Intent("glow_up", (
                "you look extra nice today", "did you do something different?",
                "your colours are brighter today", "you're glowing today", "new look, {pet_name}?",
                "looking sharp today", "you're looking good",
            )),
        ),
        words={
            "pretty": ("dashing", "striking", "majestic", "fancy", "fabulous", "precious", "cool"),
            "prettiest": (
                "prettiest", "cutest", "most beautiful", "loveliest", "coolest", "shiniest",
                "best looking", "sweetest",
            ),
            "part": ("little fins", "markings", "patterns"),
        },
        contexts=(
            "i just have to say something.", "my friend came over and saw you.",
            "i took a hundred photos of you.",
        ),
    ),
    "water_change": More(
        frames={
            "going_to": (
                "i'm about to {clean}", "i should really {clean}", "do you want me to {clean}?",
                "is it okay if i {clean}?", "i'll {clean} after lunch",
                "it's been a week, i need to {clean}", "ready for me to {clean}?",
            ),
            "did_it": (
                "all done, fresh water for you", "i did a big water change",
                "i changed half your water", "i just topped up your tank",
                "is the clean water better?", "your tank is sparkling now",
                "look how clean your glass is", "i vacuumed the gravel",
            ),
            "dirty": (
                "your water looks {dirty}", "is your water too {dirty}?",
                "the water is a bit {dirty}", "why is your water so {dirty}?",
                "the tank smells a bit funky", "there's gunk everywhere",
                "your tank needs a clean", "your water's looking {dirty}, {pet_name}",
            ),
            "bucket": (
                "the siphon is coming out", "i'm filling the bucket",
                "don't be scared of the siphon", "mind the hose, {pet_name}",
                "i'm adding the water conditioner", "the new water is the same temperature",
            ),
        },
        intents=(
            Intent("schedule", (
                "how often should i change your water?", "when did i last change your water?",
                "is once a week enough?", "how much water should i change?",
                "do you like weekly water changes?", "should i change more water?",
                "is it too soon for another water change?",
            )),
            Intent("while_cleaning", (
                "stay still while i clean", "i'm giving the {tank_object} a scrub",
                "i'll put the {tank_object} back soon", "don't swim into the siphon",
                "you can hide while i clean", "nearly done cleaning, {pet_name}",
                "just a few more minutes of cleaning", "i'm rinsing the {tank_object}",
            )),
        ),
        words={
            "clean": (
                "top up your water", "vacuum the gravel", "give the tank a clean",
                "do the weekly clean", "change some of your water", "clean out your tank",
                "swap out some water",
            ),
            "dirty": (
                "dirty", "murky", "cloudy", "grubby", "mucky", "gross", "manky", "yucky", "grimy",
                "filthy", "gunky", "scummy",
            ),
        },
        contexts=(
            "your tank is looking a bit sad.", "i've got the hose ready.", "it's been two weeks.",
        ),
    ),
    "ocean": More(
        frames={
            "seen_sea": (
                "ever been to {sea}?", "have you heard of {sea}?",
                "what do you think {sea} is like?", "were you born in {sea}?",
                "did your family live in {sea}?", "is {sea} like your tank?",
                "have you ever swum in {sea}?",
            ),
            "want_sea": (
                "do you wish you lived in {sea}?", "would you rather live in {sea}?",
                "should i set you free in {sea}?", "could you survive in {sea}?",
                "would you swim away in {sea}?",
            ),
            "i_went": (
                "i went to {swim_place} today", "{swim_place} is so big", "i swam in {swim_place}",
                "{swim_place} is full of fish", "we went to {swim_place} on holiday",
                "i went swimming in {swim_place}", "i'm going to {swim_place} tomorrow",
                "i dipped my toes in {swim_place}", "i saw loads of fish in {swim_place}",
                "the waves were huge today", "i went surfing today",
            ),
            "sea_creatures": (
                "do you know what {sea_animal} is?", "have you ever seen {sea_animal}?",
                "would you be friends with {sea_animal}?", "are you scared of {sea_animal}?",
                "is {sea_animal} your cousin?", "i saw {sea_animal} at the aquarium",
                "are whales fish?", "what's your favourite sea animal?",
            ),
        },
        intents=(
            Intent("salt_water", (
                "could you live in salt water?", "is sea water too salty for you?",
                "do you like salty water?", "are you a freshwater fish?",
                "what would happen if you swam in the sea?", "is the sea too salty for a guppy?",
                "can freshwater fish live in the sea?",
            )),
            Intent("deep_sea", (
                "what's at the bottom of the ocean?", "the ocean is so deep and dark",
                "is the deep sea scary?", "some fish glow in the deep sea",
                "nobody has explored most of the ocean",
                "would you dive to the bottom of the sea?", "the sea goes on forever",
            )),
        ),
        words={
            "sea": (
                "a stream", "a coral reef", "the pacific", "the atlantic", "the amazon",
                "a rock pool", "the deep sea",
            ),
            "swim_place": ("the sea", "the ocean", "the lake", "the river", "the bay", "the loch"),
            "sea_animal": (
                "a whale", "a dolphin", "a shark", "an octopus", "a jellyfish", "a crab",
                "a starfish", "a seahorse", "a turtle", "a clownfish", "a lobster", "a sea lion",
            ),
        },
        contexts=(
            "i can hear the waves.", "we're on holiday by the sea.",
            "i watched a show about sharks.",
        ),
    ),
    "advice": More(
        frames={
            "give_advice": (
                "got any advice for me?", "what would a fish do?", "give me a tip",
                "i need your advice", "what do you reckon i should do?",
                "tell me what to do, {pet_name}", "if you were me, what would you do?",
                "any life hacks?",
            ),
            "my_problem": (
                "any advice on {problem}?", "i'm struggling with {problem}",
                "how would you handle {problem}?", "any tips for {problem}?",
                "i'm going through {problem}", "what helps with {problem}?",
                "i can't cope with {problem}",
            ),
            "stuck": (
                "i can't make up my mind", "i keep going back and forth",
                "what's the right choice?", "which way should i go?", "i'm torn",
                "heads or tails?", "pick one for me, {pet_name}",
            ),
            "should_i": (
                "is it a good idea to {choice}?", "tell me if i should {choice}",
                "yes or no, should i {choice}?", "what if i {choice}?",
                "be honest, should i {choice}?", "i'm thinking i might {choice}",
            ),
        },
        intents=(
            Intent("stay_calm", (
                "how do you stay so calm?", "how do you not worry?",
                "how do you deal with stress?", "teach me to relax like you",
                "how do you stay so chill?", "what's your secret to a calm life?",
                "how do you handle bad days?",
            )),
            Intent("wisdom", (
                "what would a fish do in my shoes?", "give me your fishy wisdom",
                "wise fish, what do i do?", "tell me something wise", "share some fish wisdom",
                "got any words of wisdom?", "what's the best lesson you know?",
            )),
        ),
        words={
            "choice": (
                "text my ex", "dye my hair", "get a tattoo", "learn guitar", "start running",
                "ask for a raise", "go to bed early",
            ),
            "problem": (
                "a breakup", "a rough patch", "money trouble", "a falling out", "too much work",
                "a tough choice", "stage fright",
            ),
        },
        contexts=(
            "i've got a lot on my mind.", "my friends all say different things.",
            "i need a second opinion.",
        ),
    ),
    "doing": More(
        frames={
            "what_doing": (
                "whatcha doing?", "what are you up to in there?", "what you up to?",
                "what's going on in there?", "what's new in the tank?",
                "what are you {up_to} in there?", "whatcha {up_to}, {pet_name}?",
            ),
            "fun": (
                "what's fun for a fish?", "how do you keep busy?", "what do you like doing?",
                "do you have any hobbies?", "what's a normal day for you?",
                "what's your daily routine?", "what do you get up to all day?",
            ),
            "saw_you": (
                "i saw you {activity}", "were you {activity} just now?", "i caught you {activity}",
                "why were you {activity}?", "you were zooming around earlier",
                "what's so interesting {spot}?",
            ),
            "today": (
                "what have you done today?", "how did you spend your morning?",
                "did you have a busy day?", "got any plans?", "what are you doing later?",
                "what's on your to do list?",
            ),
        },
        intents=(
            Intent("join_you", (
                "can i join you?", "mind if i watch you?", "can i help with what you're doing?",
                "that looks fun, can i try?", "can i do that too?",
                "what are you doing, can i play?",
            )),
            Intent("me_doing", (
                "i'm just {my_activity}, what about you?", "i'm {my_activity}, you?",
                "i'm {my_activity}. what are you doing?", "guess what i'm doing",
                "i'm {my_activity}. what are you up to?", "just {my_activity} here. you?",
                "i'm {my_activity} right now, and you?",
            )),
        ),
        words={
            "up_to": ("busy with", "working on"),
            "now_part": ("tonight",),
            "day_part": ("this afternoon",),
            "my_activity": (
                "cooking dinner", "reading", "doing the dishes", "watching you", "folding laundry",
                "having a snack", "relaxing", "tidying up", "sitting on the sofa",
            ),
        },
        contexts=(
            "it's quiet in here today.", "i keep seeing you move.", "i just finished my chores.",
        ),
    ),
    "sorry": More(
        frames={
            "apologise": (
                "{sorry} about that", "my bad, {pet_name}", "oops, {sorry}",
                "i owe you an apology", "i'm {sorry}, i really am", "i hope you can forgive me",
                "forgive me, {pet_name}?",
            ),
            "sorry_for": (
                "{sorry} about earlier", "i'm {sorry} about {my_mess}", "{sorry} for {my_mess}",
                "i feel bad about {my_mess}", "i owe you an apology for {my_mess}",
                "{sorry} about {my_mess}, {pet_name}",
            ),
            "make_up": (
                "do you still like me?", "are you cross with me?", "can we be friends again?",
                "please don't be mad", "will you forgive me?", "i got you {food} to say sorry",
                "no hard feelings?", "are you still upset with me?",
            ),
            "my_fault": (
                "that was totally my fault", "i should have known better", "i feel so guilty",
                "i messed up, {pet_name}", "i promise i'll do better",
                "i'll be more careful next time",
            ),
        },
        intents=(
            Intent("neglect", (
                "i'm sorry i forgot about you", "i'm sorry i neglected you",
                "i haven't paid you enough attention, sorry",
                "i've been too busy for you lately, sorry", "i'm sorry i've been away so much",
                "sorry i haven't talked to you", "sorry i haven't been around much",
            )),
            Intent("oops", (
                "oops, my bad", "oh no, sorry!", "ah, sorry about that", "oops, didn't mean to",
                "sorry sorry sorry", "whoops, sorry {pet_name}", "oh no, my mistake",
                "oopsie, sorry about that",
            )),
        ),
        words={
            "sorry": (
                "super sorry", "so so sorry", "terribly sorry", "truly sorry", "awfully sorry",
            ),
            "what_i_did": (
                "i shouted", "i knocked the glass", "i forgot your birthday",
                "i didn't come say hi", "i skipped your water change",
            ),
            "my_mess": (
                "the noise", "the mess", "being late", "the bright light", "the bump",
                "being grumpy", "the wait", "ignoring you", "forgetting your food",
                "the loud music", "earlier", "last night",
            ),
        },
        contexts=(
            "i've been thinking about yesterday.", "that wasn't fair of me.",
            "i need to say something.",
        ),
    ),
    "birds": More(
        frames={
            "saw_bird": (
                "{bird} landed on the windowsill", "there's {bird} in the garden",
                "i just saw {bird} in the tree", "ooh, {bird} outside", "guess what, i saw {bird}",
                "there's {bird} on the roof", "{bird} is on the bird feeder",
            ),
            "like_birds": (
                "what's your favourite bird?", "do you like the birds outside?",
                "do birds scare you?", "are birds your friends?",
                "would you want {bird} as a friend?", "do you like bird song?",
                "do you know what {bird} is?",
            ),
            "bird_facts": (
                "birds have feathers, not scales", "did you know birds lay eggs?",
                "some birds can swim", "penguins are birds that swim", "herons love eating fish",
                "kingfishers dive for fish",
            ),
            "bird_window": (
                "{bird} keeps staring at your tank", "{bird} is pecking at the window",
                "{bird} won't stop chirping", "should i shoo {bird} away?",
                "{bird} is trying to get in", "don't worry, {bird} can't get you",
            ),
        },
        intents=(
            Intent("want_wings", (
                "do you wish you could fly?", "would you like wings?",
                "if you could fly, where would you go?", "imagine being able to fly",
                "would you rather fly or swim?", "could a fish ever fly?",
                "have you heard of flying fish?", "do you want to fly like {bird}?",
            )),
            Intent("pet_bird", (
                "i'm thinking of getting a budgie", "my friend has a parrot that talks",
                "would you mind if i got a bird?", "should we get a pet bird?",
                "a parrot could talk to you", "the budgie next door sings all day",
                "would you share the room with a parrot?",
            )),
        ),
        words={
            "bird": (
                "a magpie", "a duck", "a goose", "a swan", "a hawk", "a heron", "a kingfisher",
                "a budgie", "an eagle", "a starling", "a wren",
            ),
        },
        contexts=(
            "the birds are back for spring.", "there's a feeder by the window.",
            "i heard a woodpecker today.",
        ),
    ),
}

PERSONA = widen(GUPPY, MORE)
